package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DescribeRegions: every region of the sandbox, in the catalogue's order, with its name in the
 * asked language, its endpoint and whether it is sold out. The parameters are checked as the
 * service documents them; their values are compared without regard to case (the documentation's
 * own sample sends {@code ResourceType=Instance}). Which regions are listed does not depend on
 * them: the sandbox's account may use every region.
 */
final class RegionCatalogue {
    /** The languages the service's error message names; LocalName is Chinese for zh-CN, else English. */
    static final Set<String> LANGUAGES = Set.of("zh-cn", "en-us", "ja");
    static final Set<String> CHARGE_TYPES = Set.of("prepaid", "postpaid", "spotwithpricelimit", "spotaspricego");
    static final Set<String> RESOURCE_TYPES = Set.of("instance", "disk", "reservedinstance", "scu");

    private RegionCatalogue() {}

    static void describeRegions(Collection<Region> regions, Map<String, String> params, ObjectNode body) {
        String language = RequestParams.value(params, "AcceptLanguage");
        if (language != null && !LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
            throw ErrorCode.ACCEPT_LANGUAGE_NOT_FOUND.error();
        }
        String chargeType = RequestParams.value(params, "InstanceChargeType");
        if (chargeType != null && !CHARGE_TYPES.contains(chargeType.toLowerCase(Locale.ROOT))) {
            throw ErrorCode.INVALID_CHARGE_TYPE.error();
        }
        String resourceType = RequestParams.value(params, "ResourceType");
        if (resourceType != null && !RESOURCE_TYPES.contains(resourceType.toLowerCase(Locale.ROOT))) {
            throw ErrorCode.RESOURCE_TYPE_NOT_FOUND.error();
        }
        String answerLanguage = language == null ? "zh-CN" : language;
        ArrayNode list = body.putObject("Regions").putArray("Region");
        for (Region r : regions) {
            list.addObject()
                    .put("RegionId", r.id())
                    .put("LocalName", r.localName(answerLanguage))
                    .put("RegionEndpoint", r.host())
                    .put("Status", r.soldOut() ? "soldOut" : "available");
        }
    }
}
