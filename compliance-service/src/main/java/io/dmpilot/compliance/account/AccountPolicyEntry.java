package io.dmpilot.compliance.account;

import io.dmpilot.contracts.HandoffReason;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An account's {@link AccountPolicy} as stored: sets as comma-separated lists. */
@Entity
@Table(name = "account_policy")
public class AccountPolicyEntry extends PanacheEntityBase {
    @Id
    @Column(name = "open_id", length = 128)
    public String openId;

    @Column(nullable = false, length = 512)
    public String qualifications = "";

    @Column(name = "handoff_reasons", nullable = false, length = 256)
    public String handoffReasons = "";

    @Column(name = "crisis_reply", length = AccountPolicy.CRISIS_REPLY_MAX)
    public String crisisReply;

    public AccountPolicy toPolicy() {
        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        split(handoffReasons).forEach(r -> reasons.add(HandoffReason.valueOf(r)));
        return new AccountPolicy(split(qualifications), reasons, crisisReply);
    }

    public void apply(AccountPolicy policy) {
        qualifications = String.join(",", new TreeSet<>(policy.qualifications()));
        handoffReasons =
                policy.handoffReasons().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        crisisReply = policy.crisisReply();
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
