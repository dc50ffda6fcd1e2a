package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientTokensTest {
    @Test
    void oneDestinationUsesTheTokenAsGiven() {
        assertEquals("release-42", ClientTokens.forDestination("release-42", "cn-shanghai", 1));
    }

    @Test
    void severalDestinationsGetTokenDashRegion() {
        assertEquals("release-42-cn-shanghai", ClientTokens.forDestination("release-42", "cn-shanghai", 2));
    }

    @Test
    void aLongTokenIsShortenedWithADigestThatStillDependsOnTheRegion() {
        String token = "x".repeat(60);
        String shanghai = ClientTokens.forDestination(token, "cn-shanghai", 2);
        String beijing = ClientTokens.forDestination(token, "cn-beijing", 2);

        assertEquals(64, shanghai.length());
        assertEquals("x".repeat(47) + "-", shanghai.substring(0, 48));
        assertNotEquals(shanghai, beijing);
        assertEquals(shanghai, ClientTokens.forDestination(token, "cn-shanghai", 2), "stable across runs");
    }
}
