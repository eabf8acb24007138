package org.lookout.notification.template;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Message;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The text of a notification, from Qute templates: {@code templates/notifications/<name>.<language>.txt} with the
 * fragments {@code title} and {@code body}, one file per language offered (zh-CN, en). Every rule names a template; a
 * rule whose template is missing in a language, or renders an empty title or body, fails ({@code TemplatesTest} checks
 * every rule).
 */
@ApplicationScoped
public class NotificationTemplates {

    private final Engine engine;

    NotificationTemplates(Engine engine) {
        this.engine = engine;
    }

    /** Both languages of {@code name}, each with its own values. */
    public Message render(String name, Map<Language, Map<String, Object>> values) {
        Map<Language, String[]> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Template template = template(name, language);
            Map<String, Object> data = values.get(language);
            texts.put(language, new String[] { fragment(template, "title", data, name, language),
                    fragment(template, "body", data, name, language) });
        }
        return new Message(texts.get(Language.ZH_CN)[0], texts.get(Language.ZH_CN)[1], texts.get(Language.EN)[0],
                texts.get(Language.EN)[1]);
    }

    /** Whether {@code name} exists in every language (a rule may only name such a template). */
    public boolean exists(String name) {
        for (Language language : Language.values()) {
            if (engine.getTemplate(path(name, language)) == null) {
                return false;
            }
        }
        return true;
    }

    private Template template(String name, Language language) {
        Template template = name.matches("[a-z0-9-]+") ? engine.getTemplate(path(name, language)) : null;
        if (template == null) {
            throw new MissingTemplateException("no template " + path(name, language));
        }
        return template;
    }

    private static String fragment(Template template, String id, Map<String, Object> data, String name,
            Language language) {
        Template.Fragment fragment = template.getFragment(id);
        if (fragment == null) {
            throw new MissingTemplateException("template " + path(name, language) + " has no fragment " + id);
        }
        var render = fragment.instance();
        data.forEach(render::data);
        String text = render.render().strip().replaceAll("[ \\t]*\\R[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n");
        if (text.isBlank()) {
            throw new MissingTemplateException("template " + path(name, language) + " renders an empty " + id);
        }
        return text;
    }

    static String path(String name, Language language) {
        return "notifications/" + name + "." + language.tag() + ".txt";
    }
}
