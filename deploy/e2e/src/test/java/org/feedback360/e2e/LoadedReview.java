package org.feedback360.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A review under a steady stream of submissions, with something going wrong on the way: the
 * shared body of the fault and scale-out tests. An organisation of 31 (a director, five managers
 * with five reports each) reviews its 30 leaders and followers; once everyone is invited, 205
 * submissions go through the gateway at a steady rate; the fault runs at the opening or eight
 * seconds into the stream; then the cycle is
 * closed and released, and every subject's report must count every acknowledged submission
 * exactly once — and no client may have seen a hang, a 500 or a stack trace meanwhile.
 */
final class LoadedReview {

    static final double RATE = 6.0;
    static final int CLIENTS = 6;
    static final int ASSIGNMENTS = 205;

    final Org org;
    final Instrument instrument;
    final List<String> subjects;

    private LoadedReview(Org org, Instrument instrument, List<String> subjects) {
        this.org = org;
        this.instrument = instrument;
        this.subjects = subjects;
    }

    /** Imports the organisation of 31 and waits until everyone can log in. */
    static LoadedReview organisationOfThirtyOne() {
        Org org = Org.inDemoTenant().person("DIR", null);
        List<String> labels = new ArrayList<>();
        for (int m = 1; m <= 5; m++) {
            org.team("M" + m, "DIR", 5);
            labels.add("M" + m);
            for (int r = 1; r <= 5; r++) {
                labels.add("M" + m + "-R" + r);
            }
        }
        org.importAndProvision();
        return new LoadedReview(org, Instrument.fetch("leader-follower", 1), List.copyOf(labels));
    }

    /** When the fault strikes. */
    enum When {
        /** Right after the cycle opened, while the invitations are being prepared. */
        AT_OPENING,
        /** Eight seconds into the stream of submissions. */
        MID_STREAM
    }

    /** Streams the cycle's submissions, runs the fault in the middle, then checks the released reports. */
    Review run(String name, Runnable fault) {
        return run(name, When.MID_STREAM, fault);
    }

    Review run(String name, When when, Runnable fault) {
        Summary.journeyStarted(name);
        Instant t0 = Instant.now();
        Review review = Review.of(org).subjects(subjects.toArray(String[]::new)).open();
        if (when == When.AT_OPENING) {
            fault.run();
        }
        List<Review.Assignment> assignments = review.allAssignments();
        assertEquals(ASSIGNMENTS, assignments.size(), "assignments generated from the org chart");
        // Raters answer once invited, as people do: a rater who had already submitted everything
        // would (rightly) not be invited at all, and the invitation checks would mean nothing.
        awaitInvitations(review);
        Instant invited = Instant.now();

        SubmissionStream stream = new SubmissionStream(review, org, instrument, assignments, name.hashCode());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> stream.run(RATE, CLIENTS, deadline));
        if (when == When.MID_STREAM) {
            Org.sleep(Duration.ofSeconds(8));
            fault.run();
        }
        load.join();
        Instant streamed = Instant.now();
        System.out.printf("%s: %d acknowledged in %d attempts, answers %s, slowest %d ms%n", name, stream.acknowledged(),
                stream.attempts(), stream.outcomes(), stream.slowestMillis());
        stream.unclearAnswers().forEach(u -> System.out.println(name + ": unclear answer: " + u));
        Summary.record(name + ": attempts answered slowly or unclearly", stream.attempts(), stream.unclearAnswers().size());
        if (!stream.finished()) {
            Summary.record(name + ": acknowledged submissions, raters lost or double-counted", ASSIGNMENTS, stream.remaining());
        }
        assertTrue(stream.finished(), name + ": " + stream.remaining() + " submissions never acknowledged");

        review.close();
        review.release();
        long miscounted = 0;
        int figures = 0;
        int wrongFigures = 0;
        for (String label : subjects) {
            String subject = org.get(label).employeeId();
            var report = review.awaitReport(asHrPortal(), subject, Duration.ofSeconds(120));
            ExpectedScores expected = new ExpectedScores(instrument, 3, review.acknowledgedAbout(subject));
            miscounted += Reports.ratersMiscounted(report, expected, instrument);
            Reports.Comparison c = Reports.compareFigures(report, expected, instrument);
            figures += c.checked();
            wrongFigures += c.wrong();
        }
        System.out.printf("%s: invited after %d s, streamed in %d s, reports checked in %d s%n", name,
                Duration.between(t0, invited).toSeconds(), Duration.between(invited, streamed).toSeconds(),
                Duration.between(streamed, Instant.now()).toSeconds());
        Summary.record(name + ": acknowledged submissions, raters lost or double-counted", stream.acknowledged(), miscounted);
        Summary.record(name + ": report figures, differing from the independent computation", figures, wrongFigures);
        assertEquals(List.of(), stream.unclearAnswers(), name + ": clients got only fast successes and clear problems");
        assertEquals(0, miscounted, name + ": every report counts every acknowledged submission exactly once");
        assertEquals(0, wrongFigures, name + ": every report figure equals the independent computation");
        return review;
    }

    /** The fault test passed its own checks too (mails, webhooks): the journey is complete. */
    static void completed(String name) {
        Summary.journeyCompleted(name);
    }

    private void awaitInvitations(Review review) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        for (Org.Person p : org.people()) {
            while (Mailbox.count(p.email(), m -> m.contains(review.id()) && Mailbox.isInvitation(m)) < 1) {
                if (!Org.before(deadline)) {
                    throw new AssertionError(p.email() + " was not invited to " + review.id() + " within 120 s");
                }
                Org.sleep(Duration.ofMillis(500));
            }
        }
    }

    /**
     * Counts the raters of the review whose mailbox does not hold exactly one invitation to it
     * (one per cycle, listing all their subjects), waiting up to a minute for late ones.
     */
    long ratersWithoutExactlyOneInvitation(Review review) {
        Set<String> raters = new TreeSet<>();
        review.acknowledged().forEach(s -> raters.add(org.get(s.assignment().raterLabel()).email()));
        return exactlyOnce(raters, m -> m.contains(review.id()) && Mailbox.isInvitation(m), "invitations");
    }

    /** Counts the subjects whose mailbox does not hold exactly one report-ready mail for the review. */
    long subjectsWithoutExactlyOneReportMail(Review review) {
        Set<String> subjectMails = new TreeSet<>();
        subjects.forEach(label -> subjectMails.add(org.get(label).email()));
        return exactlyOnce(subjectMails, m -> m.contains(review.id()) && Mailbox.isReportReady(m), "report-ready mails");
    }

    private static long exactlyOnce(Set<String> mailboxes, java.util.function.Predicate<String> which, String what) {
        long wrong = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (String email : mailboxes) {
            long got;
            while ((got = Mailbox.count(email, which)) < 1 && Org.before(deadline)) {
                Org.sleep(Duration.ofSeconds(1));
            }
            if (got != 1) {
                System.out.println(email + ": " + got + " " + what + " of the cycle, expected exactly one");
                wrong++;
            }
        }
        return wrong;
    }
}
