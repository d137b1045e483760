// npm run kb:check [-- DIR]: validates the knowledge base and prints a summary, every warning and every problem.
import { formatProblems, knowledgeDir, loadKnowledge } from '../knowledge/load.ts';

const dir = process.argv[2] ?? knowledgeDir();
const result = loadKnowledge(dir);

if (result.ok) {
  const { topics, services } = result.kb;
  const areas = new Set(topics.map((t) => t.area));
  const quizzable = topics.filter((t) => t.quiz).length;
  console.log(
    `knowledge OK: ${topics.length} topics in ${areas.size} areas, ${services.length} services, ${quizzable} quiz-able`,
  );
}
if (result.warnings.length > 0) {
  console.log(`${result.warnings.length} warning(s):\n${formatProblems(result.warnings)}`);
}
if (!result.ok) {
  console.error(`${result.problems.length} problem(s) in ${dir}:\n${formatProblems(result.problems)}`);
  process.exitCode = 1;
}
