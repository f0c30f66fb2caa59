package org.cityops.notify.internal.channel;

import java.time.Duration;
import java.util.Properties;
import org.cityops.notify.internal.NotifyProperties;
import org.cityops.notify.internal.RetryPolicy.Outcome;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * 邮件 over SMTP. A bad address or a permanent SMTP refusal (5xx reply) is refused for good; a connection failure,
 * a timeout or a temporary (4xx) reply is retried.
 */
public final class MailChannel implements Channel {

    private static final java.util.regex.Pattern PERMANENT_REPLY = java.util.regex.Pattern.compile("5\\d\\d[ -]");
    private final JavaMailSenderImpl sender;
    private final String from;

    public MailChannel(NotifyProperties.Mail config, Duration timeout) {
        this.from = config.getFrom();
        this.sender = new JavaMailSenderImpl();
        sender.setHost(config.getHost());
        sender.setPort(config.getPort());
        sender.setUsername(blankToNull(config.getUsername()));
        sender.setPassword(blankToNull(config.getPassword()));
        sender.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put(
                "mail.smtp.auth",
                String.valueOf(
                        config.getUsername() != null && !config.getUsername().isBlank()));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.isStarttls()));
        sender.setJavaMailProperties(p);
    }

    @Override
    public String code() {
        return "EMAIL";
    }

    @Override
    public Outcome send(Delivery d) {
        if (sender.getHost() == null || sender.getHost().isBlank()) {
            return Outcome.refused("未配置邮件服务器 (cityops.notify.mail.host)");
        }
        try {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(d.address().split("\\s*,\\s*"));
            m.setSubject(d.subject());
            m.setText(d.text());
            sender.send(m);
            return Outcome.delivered();
        } catch (MailParseException e) {
            return Outcome.refused("邮件地址无效");
        } catch (MailAuthenticationException e) {
            return Outcome.retry("SMTP 认证失败");
        } catch (MailSendException e) {
            String text = String.valueOf(e.getMessage());
            return permanentReply(e) ? Outcome.refused(shorten(text)) : Outcome.retry(shorten(text));
        } catch (MailException e) {
            return Outcome.retry(shorten(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A 5xx SMTP reply code anywhere in the failure chain (e.g. 550 mailbox unknown). */
    private static boolean permanentReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // the SMTP server's reply (e.g. "550 5.1.1 mailbox unknown") starts the message of the mail API's
            // SendFailedException; jakarta.mail gives its code only through the provider's own class
            if (t instanceof jakarta.mail.MessagingException
                    && t.getMessage() != null
                    && PERMANENT_REPLY.matcher(t.getMessage().strip()).lookingAt()) {
                return true;
            }
        }
        for (Exception inner : e instanceof MailSendException m ? m.getMessageExceptions() : new Exception[0]) {
            if (inner != e && permanentReply(inner)) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
