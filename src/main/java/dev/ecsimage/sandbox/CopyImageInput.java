package dev.ecsimage.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CopyImage's parameters, checked for form the way the service checks them before it looks at
 * any image: required parameters, name, description, tags, ClientToken, Encrypted and KMSKeyId.
 * Two requests with equal inputs are "the same parameters" for ClientToken idempotency.
 */
record CopyImageInput(String regionId, String imageId, String destinationRegionId, String name, String description,
                      boolean encrypted, String kmsKeyId, String resourceGroupId, Map<String, String> tags,
                      String clientToken, boolean dryRun) {
    private static final Pattern TAG = Pattern.compile("Tag\\.(\\d+)\\.(Key|Value)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z\\u4e00-\\u9fa5][A-Za-z0-9\\u4e00-\\u9fa5.:_-]{1,127}");
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_LENGTH = 128;
    private static final int MAX_TOKEN_LENGTH = 64;

    static CopyImageInput parse(Map<String, String> params) {
        String regionId = RequestParams.required(params, "RegionId");
        String imageId = RequestParams.required(params, "ImageId");
        String destination = RequestParams.required(params, "DestinationRegionId");
        String name = RequestParams.value(params, "DestinationImageName");
        if (name != null && !validName(name)) {
            throw ErrorCode.INVALID_IMAGE_NAME.error();
        }
        String description = RequestParams.value(params, "DestinationDescription");
        if (description != null && !validDescription(description)) {
            throw ErrorCode.INVALID_DESCRIPTION.error();
        }
        Map<String, String> tags = tags(params);
        String token = RequestParams.value(params, "ClientToken");
        if (token != null && (token.length() > MAX_TOKEN_LENGTH
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(token))) {
            throw RequestParams.invalid("ClientToken");
        }
        boolean encrypted = RequestParams.bool(params, "Encrypted");
        String kmsKeyId = RequestParams.value(params, "KMSKeyId");
        if (kmsKeyId != null && !encrypted) {
            throw ErrorCode.ENCRYPTED_ILLEGAL.error();
        }
        return new CopyImageInput(regionId, imageId, destination, name, description, encrypted, kmsKeyId,
                RequestParams.value(params, "ResourceGroupId"), tags, token, RequestParams.bool(params, "DryRun"));
    }

    static boolean validName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() && !lower.startsWith("aliyun") && !lower.startsWith("acs:");
    }

    static boolean validDescription(String description) {
        return description.length() >= 2 && description.length() <= 256
                && !description.startsWith("http://") && !description.startsWith("https://");
    }

    private static Map<String, String> tags(Map<String, String> params) {
        Map<Integer, String[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            Matcher m = TAG.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > MAX_TAGS) {
                throw RequestParams.invalid(e.getKey());
            }
            byIndex.computeIfAbsent(n, i -> new String[2])[m.group(2).equals("Key") ? 0 : 1] = e.getValue();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        byIndex.forEach((n, kv) -> {
            String key = kv[0];
            String value = kv[1] == null ? "" : kv[1];
            if (key == null || key.isEmpty() || key.length() > MAX_TAG_LENGTH || key.startsWith("aliyun")
                    || key.startsWith("acs:") || key.contains("http://") || key.contains("https://")) {
                throw RequestParams.invalid("Tag." + n + ".Key");
            }
            if (value.length() > MAX_TAG_LENGTH || value.startsWith("acs:")) {
                throw RequestParams.invalid("Tag." + n + ".Value");
            }
            tags.put(key, value);
        });
        return Collections.unmodifiableMap(tags);
    }
}
