package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.ResponseMode;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides, without I/O, what a roll call does in the simulated world: which targets are refused
 * and, for each reached unit, after how long it answers (a fresh sample per call).
 */
final class RollCallPlanner {

    /** A reached unit and its reply delay; empty when the unit will never answer. */
    record Delivery(UnitBehaviour unit, OptionalLong replyDelayNanos) {
    }

    sealed interface Plan {
        record Accepted(List<HxtReply.Refusal> refused, List<Delivery> deliveries) implements Plan {
        }

        record Rejected(String error) implements Plan {
        }
    }

    private final BehaviourModel model;
    private final SimGroups groups;

    RollCallPlanner(BehaviourModel model) {
        this.model = model;
        this.groups = new SimGroups(model);
    }

    Plan plan(HxtCommand.RollCall call) {
        Set<String> targets = new LinkedHashSet<>(call.users());
        if (call.group() != null) {
            var members = groups.members(call.group());
            if (members.isEmpty()) {
                return new Plan.Rejected("unknown group");
            }
            targets.addAll(members.get());
        }
        ResponseMode mode = call.expect() == HxtExpect.AUTO ? ResponseMode.AUTO : ResponseMode.CONFIRM;
        List<HxtReply.Refusal> refused = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (String user : targets) {
            var unit = model.byUser(user);
            if (unit.isEmpty()) {
                refused.add(new HxtReply.Refusal(user, HxtReply.RefusalReason.UNKNOWN));
            } else if (!unit.get().online()) {
                refused.add(new HxtReply.Refusal(user, HxtReply.RefusalReason.OFFLINE));
            } else {
                deliveries.add(new Delivery(unit.get(), unit.get().nextReplyDelayNanos(mode)));
            }
        }
        return new Plan.Accepted(refused, deliveries);
    }
}
