package io.wudoctor.internal.engine;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.facts.Fact;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs the rules once over a set of facts and returns the findings they concluded. Firing is
 * bounded: a rule set that keeps firing (a rule re-triggering itself) ends with a clear
 * error naming the rules involved instead of hanging.
 */
public final class RuleSession {

    /** Far above what the knowledge base needs (a few hundred firings at most). */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    /**
     * Firings allowed per fact when that is more than maxFirings: a rule that fires once per log
     * match of a file with 50,000 of them is busy, not looping.
     */
    static final int FIRINGS_PER_FACT = 10;

    /** What one run produced. */
    public record Result(List<Finding> findings, List<Firing> firings) {
    }

    private RuleSession() {
    }

    /** A whole run's time budget by default: a diagnosis takes milliseconds. */
    public static final long DEFAULT_BUDGET_MILLIS = 10_000;
    /** A whole run's allocation budget by default: far above a real diagnosis, far below a bomb filling the heap. */
    public static final long DEFAULT_BUDGET_BYTES = 1L << 30;

    public static Result run(KieBase kieBase, Facts facts, int maxFirings) {
        return run(kieBase, facts, maxFirings, DEFAULT_BUDGET_MILLIS, DEFAULT_BUDGET_BYTES);
    }

    /**
     * Runs the rules under a budget ({@link RuleBudget}): past its time or memory, or out of
     * stack, the run ends with a {@link BadRulesException} naming the rule that was firing.
     */
    public static Result run(KieBase kieBase, Facts facts, int maxFirings, long budgetMillis, long budgetBytes) {
        return run(kieBase, facts, maxFirings, budgetMillis, budgetBytes, Set.of());
    }

    /**
     * As {@link #run(KieBase, Facts, int, long, long)}, with the rules whose ids are in
     * {@code blocked} never firing: the run is the one a pack without those rules would give.
     */
    public static Result run(KieBase kieBase, Facts facts, int maxFirings, long budgetMillis, long budgetBytes, Set<String> blocked) {
        AgendaFilter filter = blocked.isEmpty() ? null : match -> !blocked.contains(idOf(match.getRule()));
        KieSession session = kieBase.newKieSession();
        String[] firing = new String[1]; // the rule whose consequence runs now, for the budget's message
        List<Firing> firings = new ArrayList<>();
        List<Finding> inserted = new ArrayList<>(); // by the consequence now running; attached to its firing
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Finding f && event.getRule() != null) {
                    inserted.add(f);
                }
            }
        });
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing[0] = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firing[0] = null;
                firings.add(new Firing(firings.size() + 1, idOf(event.getMatch().getRule()),
                        event.getMatch().getObjects().stream().map(Object.class::cast).toList(), inserted));
                inserted.clear();
            }
        });
        try (RuleBudget.Scope budget = RuleBudget.start(budgetMillis, budgetBytes)) {
            List<Fact> all = facts.all().toList();
            all.forEach(session::insert);
            long count = all.size();
            int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(maxFirings, FIRINGS_PER_FACT * count));
            int fired = session.fireAllRules(filter, limit);
            if (fired >= limit && session.fireAllRules(filter, 1) > 0) {
                throw new BadRulesException("the rules fired more than " + limit + " times on " + count
                        + " facts without settling (a rule that re-triggers itself?); most frequent: " + mostFrequent(firings));
            }
            // the evidence text is the last tie-breaker: made at most once per finding, and only for a tie
            List<Finding> findings = session.getObjects(o -> o instanceof Finding).stream()
                    .map(o -> new Sortable((Finding) o))
                    .sorted(Comparator.comparing((Sortable k) -> k.finding().cause()).thenComparing(k -> k.finding().ruleId())
                            .thenComparingDouble(k -> k.finding().confidence()).thenComparing(Sortable::evidence))
                    .map(Sortable::finding)
                    .toList();
            return new Result(findings, List.copyOf(firings));
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String stopped = stopped(cause);
            throw new BadRulesException("rule '" + e.getMatch().getRule().getName() + "' "
                    + (stopped != null ? stopped : "failed while firing: " + cause.getMessage()));
        } catch (RuntimeException | RuleBudget.Exceeded | StackOverflowError | OutOfMemoryError e) {
            String stopped = stopped(e);
            if (stopped == null) {
                throw e;
            }
            throw new BadRulesException((firing[0] == null ? "a rule's condition" : "rule '" + firing[0] + "'") + " " + stopped);
        } finally {
            session.dispose();
        }
    }

    /** A rule's {@code @id}, or its name when it has none: how findings and firings name it. */
    private static String idOf(Rule rule) {
        Object id = rule.getMetaData().get("id");
        return id == null ? rule.getName() : id.toString();
    }

    /** What stopped a run, if the budget or the JVM's limits did: the throwable or one of its causes. */
    private static String stopped(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RuleBudget.Exceeded) {
                return c.getMessage() + " and was stopped";
            }
            if (c instanceof StackOverflowError) {
                return "ran out of stack (a recursion too deep) and was stopped";
            }
            if (c instanceof OutOfMemoryError) {
                return "ran out of memory and was stopped";
            }
        }
        return null;
    }

    /** A finding and, once a comparison needs it, its evidence as text (the first record toString of a run costs milliseconds). */
    private static final class Sortable {
        private final Finding finding;
        private String evidence;

        Sortable(Finding finding) {
            this.finding = finding;
        }

        Finding finding() {
            return finding;
        }

        String evidence() {
            if (evidence == null) {
                evidence = finding.evidence().toString();
            }
            return evidence;
        }
    }

    private static String mostFrequent(List<Firing> firings) {
        return firings.stream().collect(java.util.stream.Collectors.groupingBy(Firing::ruleId, java.util.stream.Collectors.counting()))
                .entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " (" + e.getValue() + "x)").toList().toString();
    }
}
