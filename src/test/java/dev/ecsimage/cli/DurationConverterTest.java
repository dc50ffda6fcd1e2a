package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @Test
    void parsesUnitsAndCombinations() {
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse("1h30m"));
        assertEquals(Duration.ofMillis(61_500), DurationConverter.parse("1m1s500ms"));
    }

    @Test
    void refusesBareNumbersAndUnknownUnits() {
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("10"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("10d"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("-5s"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse(""));
    }
}
