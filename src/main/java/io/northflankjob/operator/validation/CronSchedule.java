package io.northflankjob.operator.validation;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a schedule is one Kubernetes' CronJob accepts: five fields, or a macro.
 *
 * <p>Kubernetes parses schedules with robfig/cron's standard parser. The cron-utils definition
 * below follows it: minute 0-59, hour 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week
 * 0-6 or SUN-SAT (names in any case), with {@code *}, ranges, steps and lists in every field, and
 * {@code ?} meaning {@code *}. Quartz extras ({@code L W #}) and seconds are refused, as they are
 * there. Differences: {@code @every <duration>} is refused (Northflank has no such schedule), and
 * so is a step larger than its field's range ({@code *}{@code /60}), which Kubernetes accepts but
 * which fires once an hour at most.
 */
final class CronSchedule {

  /** The macros Kubernetes accepts, without {@code @every}. */
  static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private static final String WHAT_IS_ALLOWED =
      "use five fields (minute hour day-of-month month day-of-week) or one of "
          + String.join(", ", MACROS);

  private record Field(String name, String values, int max) {}

  private static final List<Field> FIELDS = List.of(
      new Field("minute", "0-59", 59),
      new Field("hour", "0-23", 23),
      new Field("day-of-month", "1-31", 31),
      new Field("month", "1-12 or JAN-DEC", 12),
      new Field("day-of-week", "0-6 or SUN-SAT (Sunday is 0)", 6));

  private static final Pattern VALUE_OUT_OF_RANGE = Pattern.compile("Value -?\\d+ not in range");
  private static final Pattern STEP_OUT_OF_RANGE = Pattern.compile("Period -?\\d+ not in range");

  private static final CronParser PARSER = new CronParser(robfigStandard());

  private CronSchedule() {}

  /** Why {@code schedule} is not a schedule Kubernetes runs, saying what is allowed; empty if it is. */
  static Optional<String> problem(String schedule) {
    String reason = reason(schedule.strip());
    if (reason == null) {
      return Optional.empty();
    }
    return Optional.of(Messages.quote(schedule) + " is not a valid cron schedule: " + reason + "; "
        + WHAT_IS_ALLOWED);
  }

  private static String reason(String schedule) {
    if (schedule.isEmpty()) {
      return "it is blank";
    }
    if (schedule.startsWith("TZ=") || schedule.startsWith("CRON_TZ=")) {
      return "a time zone (TZ= or CRON_TZ=) is not supported, schedules are in UTC";
    }
    if (schedule.startsWith("@")) {
      if (MACROS.contains(schedule)) {
        return null;
      }
      String macro = schedule.split("\\s+")[0];
      return macro.equals("@every") ? "@every is not supported" : "unknown macro " + macro;
    }
    String[] parts = schedule.split("\\s+");
    if (parts.length != FIELDS.size()) {
      return "it has " + parts.length + (parts.length == 1 ? " field" : " fields") + ", not 5";
    }
    String[] normalized = new String[parts.length];
    for (int i = 0; i < parts.length; i++) {
      // robfig/cron reads '?' as '*' in every field; cron-utils knows it only in the day fields.
      normalized[i] = parts[i].replace('?', '*');
    }
    if (parses(String.join(" ", normalized))) {
      return null;
    }
    for (int i = 0; i < parts.length; i++) {
      String reason = fieldReason(i, normalized[i], parts[i]);
      if (reason != null) {
        return reason;
      }
    }
    return "it is not a cron schedule";
  }

  private static boolean parses(String expression) {
    try {
      PARSER.parse(expression).validate();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Parses one field with {@code *} in the others, so that the message can name the field. */
  private static String fieldReason(int index, String normalized, String part) {
    String[] probe = {"*", "*", "*", "*", "*"};
    probe[index] = normalized;
    Field field = FIELDS.get(index);
    try {
      PARSER.parse(String.join(" ", probe)).validate();
      return null;
    } catch (RuntimeException e) {
      String detail = String.valueOf(e.getMessage());
      if (VALUE_OUT_OF_RANGE.matcher(detail).find()) {
        return field.name() + " must be " + field.values();
      }
      if (STEP_OUT_OF_RANGE.matcher(detail).find()) {
        return "a step (/n) in " + field.name() + " must be 1-" + field.max();
      }
      if (detail.contains("Invalid range")) {
        return field.name() + " range " + Messages.quote(part) + " ends before it starts";
      }
      return field.name() + " " + Messages.quote(part) + " must be a value (" + field.values()
          + "), *, a range (a-b), a step (*/n, a-b/n) or a list (a,b)";
    }
  }

  private static CronDefinition robfigStandard() {
    return CronDefinitionBuilder.defineCron()
        .withMinutes().withValidRange(0, 59).withStrictRange().and()
        .withHours().withValidRange(0, 23).withStrictRange().and()
        .withDayOfMonth().withValidRange(1, 31).supportsQuestionMark().withStrictRange().and()
        .withMonth().withValidRange(1, 12).withStrictRange().and()
        .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark()
            .withStrictRange().and()
        .instance();
  }
}
