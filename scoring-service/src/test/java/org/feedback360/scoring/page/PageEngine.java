package org.feedback360.scoring.page;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Qute engine set up the way the Quarkus extension sets up the application's, for plain JUnit
 * tests of {@link ReportPage}: templates from {@code templates/} with HTML escaping by content
 * type, strict rendering, and the {@code report:} namespace of {@link ReportMessages} read from the
 * same sources Quarkus generates it from (the {@code @Message} templates and
 * {@code messages/report_<lang>.properties}). The Quarkus build validates the template and the
 * bundle; these tests render them.
 */
final class PageEngine {

    private PageEngine() {
    }

    static ReportPage reportPage() {
        return new ReportPage(engine().getTemplate("page/report.html"));
    }

    static Engine engine() {
        Engine messages = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .strictRendering(true).build();
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(PageEngine::locate)
                .addNamespaceResolver(new BundleResolver(ReportMessages.class, messages))
                .removeStandaloneLines(true)
                .strictRendering(true)
                .build();
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        String path = "templates/" + id;
        if (PageEngine.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        String contentType = id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(PageEngine.class.getClassLoader().getResourceAsStream(path),
                        StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(Locale.ROOT, StandardCharsets.UTF_8, contentType));
            }
        });
    }

    /** The localized message templates of a bundle: language → key → template. */
    static Map<String, Properties> localizedFiles(Class<?> bundle) {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        Map<String, Properties> files = new HashMap<>();
        for (Locale locale : PageFormat.SUPPORTED) {
            String path = "messages/" + name + "_" + locale.getLanguage() + ".properties";
            try (InputStream in = PageEngine.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    files.put(locale.getLanguage(), properties);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** {@code {report:key(params)}}: the method's template in the instance's locale, rendered with its parameters. */
    private static final class BundleResolver implements NamespaceResolver {
        private final Class<?> bundle;
        private final String namespace;
        private final String defaultLanguage;
        private final Map<String, Properties> localized;
        private final Engine messages;
        private final Map<String, Template> parsed = new ConcurrentHashMap<>();

        BundleResolver(Class<?> bundle, Engine messages) {
            MessageBundle annotation = bundle.getAnnotation(MessageBundle.class);
            this.bundle = bundle;
            this.namespace = annotation.value();
            this.defaultLanguage = annotation.locale();
            this.localized = localizedFiles(bundle);
            this.messages = messages;
        }

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            Method method = Arrays.stream(bundle.getMethods())
                    .filter(m -> m.getName().equals(context.getName()) && m.getParameterCount() == context.getParams().size())
                    .findFirst().orElse(null);
            if (method == null) {
                return Results.notFound(context);
            }
            List<CompletableFuture<Object>> params = new ArrayList<>();
            context.getParams().forEach(p -> params.add(context.evaluate(p).toCompletableFuture()));
            String language = language(context.getAttribute(TemplateInstance.LOCALE));
            return CompletableFuture.allOf(params.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Map<String, Object> data = new HashMap<>();
                Parameter[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    data.put(parameters[i].getName(), params.get(i).join());
                }
                return template(method, language).render(data);
            });
        }

        private Template template(Method method, String language) {
            return parsed.computeIfAbsent(language + ":" + method.getName(), key -> {
                Properties file = language.equals(defaultLanguage) ? null : localized.get(language);
                String text = file == null || file.getProperty(method.getName()) == null
                        ? method.getAnnotation(Message.class).value()
                        : file.getProperty(method.getName());
                return messages.parse(text);
            });
        }

        private String language(Object locale) {
            if (locale instanceof Locale l) {
                return l.getLanguage();
            }
            return locale == null ? defaultLanguage : Locale.forLanguageTag(locale.toString()).getLanguage();
        }
    }
}
