package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aBareNumberIsSecondsAsInTheAliyunCli() {
        assertEquals(Duration.ofSeconds(90), DurationConverter.parse("90"));
        assertEquals(Duration.ofSeconds(5), DurationConverter.parse(" 5 "));
        assertEquals(Duration.ZERO, DurationConverter.parse("0"));
    }

    @Test
    void timeoutInPlainSecondsOnTheCommandLine() {
        CliRun cli = new CliRun();
        cli.ecs.image("cn-shanghai", "m-a", null, new ScriptedEcs.Step("Creating", 10, 600L));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--timeout", "90",
                "--interval", "30", "--progress", "none");

        assertEquals(12, r.status());
        assertTrue(r.err().startsWith("ecs-image: still running after 1m30s;"), r.err());
        assertEquals(3, cli.ecs.count("DescribeImages"), "polls at 0, 30 and 60 s: none starts at the deadline");
    }

    @Test
    void refusesUnknownUnitsAndNumbersTooLongToBeDurations() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse("10d"));
        assertEquals("'10d' is not a duration: use seconds (90) or a number with a unit, ms, s, m or h "
                + "(500ms, 30s, 2m, 1h30m)", e.getMessage());
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("1.5"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("99999999999999999999"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("99999999999999999999h"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("-5s"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse(""));
    }
}
