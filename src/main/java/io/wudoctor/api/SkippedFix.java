package io.wudoctor.api;

/** A fix the rules recommended that the plan leaves out, and why (for example, already tried). */
public record SkippedFix(String fixId, String title, String reason) {
}
