package org.feedback360.feedback.assignment;

import org.feedback360.feedback.instrument.RaterGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who rates each subject, from the org chart alone: the subject, their manager, each of
 * their direct reports, and their peers (the others with the same manager). Only active
 * people rate, and only in the groups the instrument is made for.
 */
public final class AssignmentPlanner {

    public record Planned(String subject, String rater, RaterGroup group) {
    }

    private AssignmentPlanner() {
    }

    /**
     * @param managerOf employee id → manager id, for the whole tenant
     * @param active    the employee ids that are active
     */
    public static List<Planned> plan(Collection<String> subjects, Map<String, String> managerOf, Set<String> active,
                                     Set<RaterGroup> groups) {
        Map<String, TreeSet<String>> reportsOf = new HashMap<>();
        managerOf.forEach((person, manager) -> {
            if (manager != null && active.contains(person)) {
                reportsOf.computeIfAbsent(manager, m -> new TreeSet<>()).add(person);
            }
        });
        List<Planned> plan = new ArrayList<>();
        for (String subject : new TreeSet<>(subjects)) {
            String manager = managerOf.get(subject);
            if (groups.contains(RaterGroup.SELF) && active.contains(subject)) {
                plan.add(new Planned(subject, subject, RaterGroup.SELF));
            }
            if (groups.contains(RaterGroup.MANAGER) && manager != null && active.contains(manager)) {
                plan.add(new Planned(subject, manager, RaterGroup.MANAGER));
            }
            if (groups.contains(RaterGroup.DIRECT_REPORT)) {
                reportsOf.getOrDefault(subject, new TreeSet<>())
                        .forEach(r -> plan.add(new Planned(subject, r, RaterGroup.DIRECT_REPORT)));
            }
            // People without a manager have no peers: "same manager" needs a manager.
            if (groups.contains(RaterGroup.PEER) && manager != null) {
                reportsOf.getOrDefault(manager, new TreeSet<>()).stream().filter(p -> !p.equals(subject))
                        .forEach(p -> plan.add(new Planned(subject, p, RaterGroup.PEER)));
            }
        }
        return plan;
    }
}
