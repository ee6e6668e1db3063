package io.logrouter.transforms.filter;

/** Drops the events that satisfy the condition: health-check access lines, a chatty logger's debug output. */
public class DropFilter extends ConditionFilter {

    @Override
    protected boolean keepsMatching() {
        return false;
    }
}
