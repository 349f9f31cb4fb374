// Parses RDF/XML from standard input with rdfxml-streaming-parser (the
// browser tests' npm packages, NODE_PATH) and writes its triples as JSON:
// [{s, p, o, kind, lang, datatype}], kind "iri", "blank" or "literal".
// Any parse error exits 1 with the message on standard error.
const { RdfXmlParser } = require('rdfxml-streaming-parser');

const triples = [];
const parser = new RdfXmlParser({ baseIRI: process.argv[2] || 'http://localhost/', strict: true });
parser.on('data', (q) => {
  const o = q.object;
  triples.push({
    s: q.subject.value,
    p: q.predicate.value,
    o: o.value,
    kind: o.termType === 'NamedNode' ? 'iri' : o.termType === 'BlankNode' ? 'blank' : 'literal',
    lang: o.language || '',
    datatype: o.termType === 'Literal' && o.datatype ? o.datatype.value : '',
  });
});
parser.on('error', (e) => {
  process.stderr.write('RDF/XML: ' + e.message + '\n');
  process.exit(1);
});
parser.on('end', () => process.stdout.write(JSON.stringify(triples)));
process.stdin.pipe(parser);
