package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fact behind a finding or a step. {@code kind} names the fact type (log-match, path,
 * service ...); {@code file} and {@code line} are set for log evidence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String kind, String summary, String file, Long line, String signature) {
}
