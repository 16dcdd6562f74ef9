package org.scorefield.core.schedule;

import org.scorefield.core.Identified;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.scorefield.core.InvalidInputException;

/**
 * The schedules of docs/math.md §2, with their editable constants and defaults. {@link #create(Map)}
 * builds one from named constants (missing ones take their defaults), which is what sliders,
 * the command line and session files use.
 */
public enum ScheduleKind implements Identified {

    VP("vp", "VP linear (Song et al. 2021)",
            List.of(VpLinear.BETA_MIN, VpLinear.BETA_MAX),
            p -> new VpLinear(p.get("beta_min"), p.get("beta_max"))),
    SUB_VP("subvp", "sub-VP (Song et al. 2021)",
            List.of(VpLinear.BETA_MIN, VpLinear.BETA_MAX),
            p -> new SubVp(p.get("beta_min"), p.get("beta_max"))),
    VP_COSINE("vp-cosine", "VP cosine (Nichol & Dhariwal 2021)",
            List.of(VpCosine.S),
            p -> new VpCosine(p.get("s"))),
    VE("ve", "VE geometric (Song & Ermon)",
            List.of(VeGeometric.SIGMA_MIN, VeGeometric.SIGMA_MAX),
            p -> new VeGeometric(p.get("sigma_min"), p.get("sigma_max"))),
    EDM("edm", "EDM, σ = t (Karras et al. 2022)",
            List.of(Edm.SIGMA_MIN, Edm.SIGMA_MAX),
            p -> new Edm(p.get("sigma_min"), p.get("sigma_max"))),
    LINEAR("linear", "linear / rectified flow (Lipman 2023, Liu 2023)",
            List.of(),
            p -> new LinearFlow()),
    TRIG("trig", "trigonometric",
            List.of(),
            p -> new Trigonometric());

    private final String id;
    private final String displayName;
    private final List<ParameterSpec> parameters;
    private final Function<Map<String, Double>, Schedule> factory;

    ScheduleKind(String id, String displayName, List<ParameterSpec> parameters,
            Function<Map<String, Double>, Schedule> factory) {
        this.id = id;
        this.displayName = displayName;
        this.parameters = parameters;
        this.factory = factory;
    }

    /** The name on the command line and in files, e.g. {@code vp-cosine}. */
    @Override
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The schedule with every constant at its default. */
    public Schedule createDefault() {
        return create(Map.of());
    }

    /**
     * The schedule with the given constants; missing ones take their defaults.
     *
     * @throws InvalidInputException for an unknown constant or an invalid value
     */
    public Schedule create(Map<String, Double> values) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            p.put(spec.name(), spec.defaultValue());
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!p.containsKey(e.getKey())) {
                String known = parameters.isEmpty() ? "it has no constants"
                        : "its constants are " + parameters.stream().map(ParameterSpec::name)
                                .collect(Collectors.joining(", "));
                throw new InvalidInputException(
                        "The " + id + " schedule has no constant '" + org.scorefield.core.io.JsonFields.quote(e.getKey())
                                + "'; " + known + ".");
            }
            p.put(e.getKey(), InvalidInputException.requireFinite(e.getValue(), e.getKey()));
        }
        return factory.apply(p);
    }

    /**
     * The kind with this id.
     *
     * @throws InvalidInputException naming the known ids
     */
    public static ScheduleKind fromId(String id) {
        return Identified.byId(ScheduleKind.class, id, "process");
    }
}
