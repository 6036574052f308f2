package dev.outpost.gateway.muster;

import dev.outpost.config.registry.UnitClass;
import java.util.List;
import java.util.Objects;

/** Which units a muster calls. */
public sealed interface MusterScope {

    /** A short text form for reports and logs, e.g. {@code street:Shipai} or {@code units:12}. */
    String describe();

    record All() implements MusterScope {
        public String describe() { return "all"; }
    }

    record Street(String street) implements MusterScope {
        public Street {
            Objects.requireNonNull(street, "street");
        }

        public String describe() { return "street:" + street; }
    }

    record ByClass(UnitClass unitClass) implements MusterScope {
        public ByClass {
            Objects.requireNonNull(unitClass, "unitClass");
        }

        public String describe() { return "class:" + unitClass; }
    }

    record Units(List<String> unitIds) implements MusterScope {
        public Units {
            unitIds = List.copyOf(unitIds);
        }

        public String describe() { return "units:" + unitIds.size(); }
    }
}
