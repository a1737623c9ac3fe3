package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service by its short name (wuauserv, bits, cryptsvc ...), lower-cased so rules can compare
 * with ==. {@code defaultSecurityDescriptor} is null when unknown.
 */
public record ServiceState(
        @JsonProperty(required = true) String name,
        ServiceStatus state,
        StartType startType,
        Boolean defaultSecurityDescriptor) implements Fact {

    public ServiceState {
        name = name.toLowerCase(java.util.Locale.ROOT);
        state = state == null ? ServiceStatus.UNKNOWN : state;
        startType = startType == null ? StartType.UNKNOWN : startType;
    }

    public boolean isDisabled() {
        return startType == StartType.DISABLED;
    }

    @Override
    public String kind() {
        return "service-state";
    }

    @Override
    public String describe() {
        return "service " + name + " is " + state.name().toLowerCase(java.util.Locale.ROOT)
                + ", start type " + startType.name().toLowerCase(java.util.Locale.ROOT)
                + (defaultSecurityDescriptor == null ? "" : defaultSecurityDescriptor ? ", default security descriptor" : ", NON-default security descriptor");
    }
}
