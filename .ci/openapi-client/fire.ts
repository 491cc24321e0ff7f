// A client generated from the sample's /v3/api-docs (openapi-generator, typescript-fetch) used as
// an API consumer would: it reads a draft with the credentials the document's security scheme
// asks for, fires `edit` with the ETag it read (200), then again with that stale ETag (412), and
// once without credentials (401). Compiled with tsc --strict by .ci/openapi-client.sh.
import { Configuration, ResponseError } from './client/runtime';
import { CaseReportStateApi, WorkflowsApi } from './client/apis';

const basePath = process.argv[2];
const author = new Configuration({ basePath, username: 'author@example.com', password: 'password' });

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

async function problemOf(call: () => Promise<unknown>): Promise<{ status: number; type: string }> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ResponseError) {
      const text = await error.response.text();
      const type = text.length > 0 ? String(JSON.parse(text).type) : '';
      return { status: error.response.status, type };
    }
    throw error;
  }
  throw new Error('the call succeeded');
}

async function main(): Promise<void> {
  const workflows = new WorkflowsApi(author);
  const drafts = await workflows.entities({ workflow: 'CaseReport.state', state: 'DRAFT' });
  let id: string | undefined;
  for (const summary of drafts['content'] as Array<{ id: string }>) {
    const entity = await workflows.entity({ workflow: 'CaseReport.state', id: summary.id });
    const edit = (entity['transitions'] as Array<{ name: string; allowed: boolean }>).find((t) => t.name === 'edit');
    if (edit !== undefined && edit.allowed) {
      id = summary.id;
      break;
    }
  }
  check(id !== undefined, 'no draft the author may edit');
  const reportId = id as string;
  const read = await workflows.entityRaw({ workflow: 'CaseReport.state', id: reportId });
  const etag = read.raw.headers.get('ETag');
  check(etag !== null, 'no ETag on the entity');

  const reports = new CaseReportStateApi(author);
  const fired = await reports.caseReportStateEditRaw({
    id: reportId,
    ifMatch: etag as string,
    caseReportStateEditRequest: { title: 'Edited by a generated client', body: 'Sent by typescript-fetch.' }
  });
  check(fired.raw.status === 200, 'edit answered ' + fired.raw.status);
  const result = await fired.value();
  check(result.state === 'DRAFT', 'the edit left state ' + result.state);
  console.log('200 edit: ' + JSON.stringify(result));

  const stale = await problemOf(() => reports.caseReportStateEdit({
    id: reportId,
    ifMatch: etag as string,
    caseReportStateEditRequest: { title: 'Stale', body: 'Sent with the old ETag.' }
  }));
  check(stale.status === 412 && stale.type === 'urn:fsm:problem:stale-version',
    'a stale If-Match answered ' + JSON.stringify(stale));
  console.log('412 stale If-Match: ' + stale.type);

  const anonymous = await problemOf(() => new WorkflowsApi(new Configuration({ basePath })).workflows());
  check(anonymous.status === 401, 'no credentials answered ' + anonymous.status);
  console.log('401 without credentials');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
