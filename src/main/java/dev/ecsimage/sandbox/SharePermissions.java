package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.transport.RequestSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ModifyImageSharePermission and DescribeImageSharePermission: which accounts each of the
 * account's own images is shared with (and since when), and which are published as community
 * images ({@code IsPublic}). As documented, only AddAccount.1..10 and RemoveAccount.1..10 are
 * read (higher N are ignored), and an image is shared with at most fifty accounts: a call that
 * would go beyond changes nothing. Sharing again with an account that has the image already is
 * no error and keeps its SharedTime. Not thread-safe: {@link SimulatedEcs} serialises calls.
 */
final class SharePermissions {
    static final int ACCOUNTS_PER_CALL = 10;
    static final int MAX_ACCOUNTS = 50;
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;
    private static final Pattern ACCOUNT_PARAM = Pattern.compile("(AddAccount|RemoveAccount)\\.(\\d+)");

    /** Image id → account → when it was shared with it, in the order of sharing. */
    private final Map<String, Map<String, Instant>> shared = new HashMap<>();
    private final Set<String> published = new HashSet<>();

    /** @param image the image of ImageId in RegionId, whoever owns it */
    void modify(SandboxImage image, Map<String, String> params, Instant now) {
        List<String> add = accounts(params, "AddAccount");
        List<String> remove = accounts(params, "RemoveAccount");
        Boolean isPublic = RequestParams.optionalBool(params, "IsPublic");
        checkShareable(image);
        for (String account : concat(add, remove)) {
            if (account.equals(Seed.ACCOUNT_ID)) {
                throw ErrorCode.ACCOUNT_IS_OWNER.error();
            }
            if (!Seed.accountExists(account)) {
                throw ErrorCode.ACCOUNT_NOT_FOUND.error("The specified account " + account
                        + " in parameter \"AddAccount.n\" or \"RemoveAccount.n\" does not exist.");
            }
        }
        if (Boolean.FALSE.equals(isPublic) && !published.contains(image.id())) {
            throw ErrorCode.IMAGE_NOT_PUBLIC.error();
        }
        Map<String, Instant> next = new LinkedHashMap<>(shared.getOrDefault(image.id(), Map.of()));
        remove.forEach(next::remove);
        add.forEach(account -> next.putIfAbsent(account, now));
        if (next.size() > MAX_ACCOUNTS) {
            throw ErrorCode.SHARE_QUOTA.error();
        }
        shared.put(image.id(), next);
        if (Boolean.TRUE.equals(isPublic)) {
            published.add(image.id());
        } else if (Boolean.FALSE.equals(isPublic)) {
            published.remove(image.id());
        }
    }

    /** Only the account's own Available images can be shared, unencrypted or encrypted with a KMS key. */
    private static void checkShareable(SandboxImage image) {
        if (image.ownerAlias().equals(SandboxImage.SYSTEM)) {
            throw ErrorCode.IMAGE_PUBLIC.error();
        }
        if (!image.own()) {
            throw ErrorCode.IMAGE_NOT_FOUND.error();
        }
        if (!image.status().equals("Available")) {
            throw ErrorCode.SHARE_IMAGE_NOT_AVAILABLE.error();
        }
        if (image.encryption().withServiceKey()) {
            throw ErrorCode.SERVICE_KEY_ENCRYPTED.error();
        }
        if (image.behaviour() == CopyBehaviour.ENCRYPTED_SNAPSHOT) {
            throw ErrorCode.SHARE_ENCRYPTED_SNAPSHOT.error();
        }
    }

    /** AddAccount.1..10 (or RemoveAccount), in the order of N; empty values and higher N are ignored. */
    private static List<String> accounts(Map<String, String> params, String prefix) {
        Map<Integer, String> byIndex = new TreeMap<>();
        params.forEach((name, value) -> {
            Matcher m = ACCOUNT_PARAM.matcher(name);
            if (m.matches() && m.group(1).equals(prefix) && value != null && !value.isEmpty()) {
                int n = Integer.parseInt(m.group(2));
                if (n >= 1 && n <= ACCOUNTS_PER_CALL) {
                    byIndex.put(n, value);
                }
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @param image the image of ImageId in RegionId, whoever owns it */
    void describe(SandboxImage image, Map<String, String> params, ObjectNode body) {
        int pageNumber = RequestParams.number(params, "PageNumber", 1, Integer.MAX_VALUE, 1);
        int pageSize = RequestParams.number(params, "PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        if (!image.own()) {
            throw ErrorCode.IMAGE_NOT_FOUND.error();
        }
        Map<String, Instant> accounts = shared.getOrDefault(image.id(), Map.of());
        body.put("RegionId", image.region())
                .put("ImageId", image.id())
                .put("TotalCount", accounts.size())
                .put("PageNumber", pageNumber)
                .put("PageSize", pageSize);
        ArrayNode list = body.putObject("Accounts").putArray("Account");
        accounts.entrySet().stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).forEach(e -> list
                .addObject().put("AliyunId", e.getKey()).put("SharedTime", RequestSigner.TIMESTAMP.format(e.getValue())));
        ArrayNode groups = body.putObject("ShareGroups").putArray("ShareGroup");
        if (published.contains(image.id())) {
            groups.addObject().put("Group", "all");
        }
    }

    /** The accounts an image is shared with, in the order of sharing. */
    List<String> accounts(String imageId) {
        return List.copyOf(shared.getOrDefault(imageId, Map.of()).keySet());
    }

    /** Whether the image is published as a community image. */
    boolean published(String imageId) {
        return published.contains(imageId);
    }
}
