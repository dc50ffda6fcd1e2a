package dev.ecsimage.output;

/** The format of results on stdout: aligned text lines, or one JSON document. */
public enum Format { text, json }
