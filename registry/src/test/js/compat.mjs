// Drives procmem's schema registry with Confluent's official JavaScript client, to prove the two interoperate.
// Run by ConfluentJavaScriptClientIT:
//   node compat.mjs <registryUrl> <topic> <schemaFile> <javaBytesFile> <recordJsonFile> <jsBytesOutFile>
// (a) registers the Avro schema in <schemaFile> under "<topic>-value" and reports its id;
// (b) decodes <javaBytesFile>, written by procmem's Java AvroSerde, with the JS AvroDeserializer;
// (c) encodes the record in <recordJsonFile> with the JS AvroSerializer into <jsBytesOutFile>.
// Prints one JSON line {"registeredId": n, "decoded": {...}} on stdout; errors go to stderr with exit code 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const [url, topic, schemaFile, javaBytesFile, recordFile, jsBytesFile] = process.argv.slice(2);
if (!jsBytesFile) {
  console.error('usage: node compat.mjs <registryUrl> <topic> <schemaFile> <javaBytesFile> <recordJsonFile> <jsBytesOutFile>');
  process.exit(2);
}

try {
  // No retries: the test wants the first answer of the registry, not a retried one.
  const client = new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0 });
  const registeredId = await client.register(`${topic}-value`,
    { schemaType: 'AVRO', schema: readFileSync(schemaFile, 'utf8') });

  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const decoded = await deserializer.deserialize(topic, readFileSync(javaBytesFile));

  // The record is plain JSON, so the schema cannot be inferred from it: write with the subject's latest version.
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
  writeFileSync(jsBytesFile, await serializer.serialize(topic, JSON.parse(readFileSync(recordFile, 'utf8'))));

  console.log(JSON.stringify({ registeredId, decoded }));
} catch (error) {
  console.error(`Confluent JS client failed against ${url}: ${error?.stack ?? error}`);
  process.exit(1);
}
