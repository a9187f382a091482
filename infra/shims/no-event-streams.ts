/**
 * Stand-in for `@smithy/core/event-streams` in Lambda bundles (esbuild alias
 * of infra/bundling.ts). The SDK's HttpProtocol imports it dynamically, for
 * operations with an event-stream input or output, and the S3 client
 * configures a marshaller from it at construction (for SelectObjectContent).
 * No Tipline function sends an event-stream operation (DynamoDB and SQS have
 * none; the investigator's S3 commands are object puts, gets, multipart
 * uploads and presigning), yet the dynamic import put the codec, its
 * marshallers and streams (~15 KB) in every bundle. The S3 client's config is
 * resolved the same way; sending an event-stream operation fails loudly.
 */
function unavailable(): never {
  throw new Error('Event streams are not bundled in Tipline functions (infra/shims/no-event-streams.ts)');
}

/** As in @smithy/core: the client config gets the marshaller its provider builds. */
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(
  input: T,
): T & { eventStreamMarshaller: unknown } => Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

/** A marshaller that refuses to (de)serialize: only an event-stream operation would call it. */
export const eventStreamSerdeProvider = (): { serialize: () => never; deserialize: () => never } => ({
  serialize: unavailable,
  deserialize: unavailable,
});

/** What HttpProtocol builds for an event-stream operation. */
export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}
