package dev.ecsimage.api;

/** A resource tag; the value may be empty. */
public record Tag(String key, String value) {
}
