/**
 * Exit codes: {@link io.wudoctor.exit.ExitCode} maps each exception type to the code the CLI
 * exits with and a batch record carries ({@code fleet}, below the CLI, needs the same table),
 * and {@link io.wudoctor.exit.UsageException} is the CLI's own error. The library's exceptions
 * ({@code io.wudoctor.api}) know nothing of exit codes.
 */
package io.wudoctor.exit;
