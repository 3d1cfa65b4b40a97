package io.dmpilot.dispatch.pacing;

import io.dmpilot.dispatch.DispatchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Paces automatic replies (seed §4): the typing pause in the account's business hours, the longer off-hours
 * interval outside them. Rules chooses the off-hours text; dispatch only decides when. The pause is a timer,
 * never a blocked thread.
 */
@ApplicationScoped
public class Pacer {
    private final AccountHours hours;
    private final Pacing pacing;

    public Pacer(AccountHours hours, DispatchConfig config) {
        this.hours = hours;
        DispatchConfig.BusinessHoursConfig off = config.businessHours();
        this.pacing = new Pacing(
                config.typingPauseMin(),
                config.typingPauseMax(),
                off.offHoursPauseMin(),
                off.offHoursPauseMax(),
                off.deadlineReserve());
    }

    public boolean offHours(String accountOpenId) {
        return !hours.of(accountOpenId).isOpen(Instant.now());
    }

    /** Waits the pause of a reply due by {@code deadline} (epoch ms). */
    public Uni<Void> pause(boolean offHours, long deadline) {
        long untilDeadline = deadline - System.currentTimeMillis();
        long pause = pacing.pauseMillis(
                !offHours,
                untilDeadline,
                (min, max) -> ThreadLocalRandom.current().nextLong(min, max + 1));
        return pause == 0
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(pause));
    }
}
