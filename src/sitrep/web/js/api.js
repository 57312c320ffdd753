// The API's JSON, fetched from this origin only. Views page through with offset/limit.

const PAGE = 500;

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message || `${response.status} on ${path}`);
  return body;
}

export async function fetchAll(view) {
  const items = [];
  let offset = 0;
  while (offset !== null && offset !== undefined) {
    const page = await getJson(`/api/${view}?limit=${PAGE}&offset=${offset}`);
    items.push(...page.items);
    offset = page.next_offset;
  }
  return items;
}
