package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One step of the fix plan, in plan order. {@code addresses} names the findings it acts on;
 * {@code why} explains the choice in one sentence; {@code commands} are exact, with captured
 * values filled in, to be run by a person, never by wudoctor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(int number, String fixId, String title, double confidence, List<String> addresses,
        String why, List<Evidence> evidence, boolean elevated, List<String> commands, List<String> manual,
        String verify, Risk risk, String difficulty, String time, List<String> requires, SourceRef source) {
}
