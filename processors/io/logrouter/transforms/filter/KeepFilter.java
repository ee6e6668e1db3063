package io.logrouter.transforms.filter;

/** Keeps only the events that satisfy the condition: a route that ships just one namespace, or just errors. */
public class KeepFilter extends ConditionFilter {

    @Override
    protected boolean keepsMatching() {
        return true;
    }
}
