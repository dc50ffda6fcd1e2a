package dev.ecsimage.cli;

import java.util.Iterator;
import java.util.List;

/**
 * The Alibaba Cloud region ids that have ECS, offered by shell completion for {@code --region}
 * and {@code --to}. Completion only: any region id is accepted on the command line.
 */
public final class RegionCandidates implements Iterable<String> {
    static final List<String> IDS = List.of(
            "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote",
            "cn-wulanchabu", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-qingdao",
            "cn-nanjing", "cn-fuzhou", "cn-wuhan-lr", "cn-hongkong",
            "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
            "ap-northeast-1", "ap-northeast-2",
            "us-east-1", "us-west-1", "eu-west-1", "eu-central-1",
            "me-east-1", "me-central-1", "na-south-1");

    @Override
    public Iterator<String> iterator() {
        return IDS.iterator();
    }
}
