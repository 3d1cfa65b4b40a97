package io.dmpilot.analytics.paths;

import io.dmpilot.analytics.HourlyAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * How often one account's conversations moved from one scenario to the next (the path heat map).
 * Only the table's shape lives here: rows are added by upserts on the unique key (see
 * {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL; the key leads with the account, so it
 * is also the index of every read.
 */
@Entity
@Table(
        name = "scenario_transition",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "scenario_transition_key",
                        columnNames = {"account_open_id", "hour_start", "from_scenario", "to_scenario"}))
public class ScenarioTransition extends HourlyAccountRow {
    @Column(name = "from_scenario", length = 32, nullable = false)
    public String fromScenario;

    @Column(name = "to_scenario", length = 32, nullable = false)
    public String toScenario;

    @Column(name = "count", nullable = false)
    public long count;
}
