package org.feedback360.scoring.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import org.feedback360.scoring.engine.SubjectReport;

/**
 * A subject's report as one self-contained HTML5 page: inline CSS and SVG, no scripts and no
 * external requests, so it reads the same in a mobile web view, offline and on paper. Everything
 * a rater typed is escaped by Qute; the page's own words come from {@link ReportMessages}.
 */
@ApplicationScoped
public class ReportPage {

    // Not final: ArC builds the client proxy of a normal-scoped bean through a generated no-args constructor.
    private Template template;

    @Inject
    public ReportPage(@Location("page/report.html") Template template) {
        this.template = Objects.requireNonNull(template, "template");
    }

    public String render(SubjectReport report, ReportContext context) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(context, "context");
        PageFormat format = PageFormat.forTag(context.locale());
        ReportView view = ReportViewBuilder.build(report, context, format);
        return template.data("view", view).setLocale(format.locale()).render();
    }
}
