package io.wudoctor.internal.authoring.validate;

/** One kind of validation. Checks never stop at the first problem: they report everything they find. */
interface Check {
    void run(Context context);
}
