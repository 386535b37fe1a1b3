package no.samnav.conformance.cli;

import no.samnav.mappers.error.MappingException;

/** One line per problem, in the form editors and CI logs link: {@code file:line:column: ...}. */
final class Problems {

    private Problems() {
    }

    static String describe(String file, MappingException e) {
        var where = e.location();
        return file + ":" + where.line() + ":" + where.column() + ": " + e.appRecCode().code() + " "
                + e.problem() + (where.path().isEmpty() ? "" : " [at " + where.path() + "]");
    }
}
