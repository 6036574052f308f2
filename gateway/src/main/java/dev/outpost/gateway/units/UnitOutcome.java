package dev.outpost.gateway.units;

import java.util.List;

/** What a registry request came to. */
public sealed interface UnitOutcome {
    record Done(UnitView view) implements UnitOutcome {
    }

    /** Nothing changed: the request was invalid (every problem listed). */
    record Refused(List<String> problems) implements UnitOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    record Unknown(String unitId) implements UnitOutcome {
    }

    /** Valid, but it could not be stored; nothing changed. */
    record Failed(String reason) implements UnitOutcome {
    }
}
