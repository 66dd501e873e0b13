// Parameters many date/time functions declare alike, with ksqlDB's descriptions.

/** A java.time.format.DateTimeFormatter pattern. */
export const FORMAT_PATTERN = { name: 'formatPattern', type: { kind: 'STRING' }, description: 'The format pattern should be in the format expected by java.time.format.DateTimeFormatter.' } as const;

/** A java.util.TimeZone ID. */
export const TIME_ZONE = { name: 'timeZone', type: { kind: 'STRING' }, description: 'A java.util.TimeZone ID, for example: "UTC", "America/Los_Angeles", "Europe/London"' } as const;
