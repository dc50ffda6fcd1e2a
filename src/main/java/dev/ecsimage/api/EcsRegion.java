package dev.ecsimage.api;

/**
 * A region as DescribeRegions lists it.
 *
 * @param localName the region's name in the language asked for, e.g. {@code 华东1（杭州）} or {@code China (Hangzhou)}
 * @param endpoint  its ECS endpoint host, e.g. {@code ecs.cn-shanghai.aliyuncs.com}
 * @param status    {@code available} or {@code soldOut} (instances sold out; says nothing about images)
 */
public record EcsRegion(String regionId, String localName, String endpoint, String status) {
}
