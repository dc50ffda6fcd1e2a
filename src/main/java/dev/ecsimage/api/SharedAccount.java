package dev.ecsimage.api;

import java.time.Instant;

/**
 * An account an image is shared with, as DescribeImageSharePermission lists it.
 *
 * @param aliyunId   the account's id
 * @param sharedTime since when, null when the service did not say
 */
public record SharedAccount(String aliyunId, Instant sharedTime) {
}
