package dev.ecsimage.sandbox;

import java.util.Map;

/** A request whose signature, key, token, timestamp and nonce passed: the action and its own parameters. */
record SignedCall(String action, Map<String, String> params) {
}
