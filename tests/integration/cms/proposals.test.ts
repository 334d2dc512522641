import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser, findBySlug, updateDraft, type ListResponse } from '../../helpers/content.ts';
import { memberRequest, PROPOSAL_UID, proposalForm, sendProposal, storedProposals } from '../../helpers/proposals.ts';
import { databases } from '../../helpers/postgres.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';

const TEAM = 'talks@clermontech.test';
const SITE_URL = 'http://site.clermontech.test';
const RATE_LIMIT = 10;
const MEMBER_A = { email: 'membre-a@clermontech.test', password: 'Membre-A-Passw0rd!' };
const MEMBER_B = { email: 'membre-b@clermontech.test', password: 'Membre-B-Passw0rd!' };

// Each test sends from its own client address (the CMS trusts one proxy hop here), so the per-IP
// limit of one test never refuses another's proposals.
let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

describe('talk proposals', () => {
  let cms: RunningCms;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    cms = await startCms({
      env: {
        CMS_TRUST_PROXY: 'true',
        SITE_URL,
        PROPOSAL_EMAIL: TEAM,
        EMAIL_FROM: "Clermont'ech <robot@clermontech.test>",
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        PROPOSAL_RATE_LIMIT_MAX: String(RATE_LIMIT),
      },
    });
  });
  afterAll(async () => {
    await cms?.destroy();
    await smtp?.close();
  });

  it('stores a proposal sent as JSON, tells the team and thanks the speaker by e-mail', async () => {
    const email = 'json@example.org';
    const response = await sendProposal(cms, proposalForm({ title: 'Proposé en JSON', email }), {
      clientIp: freshIp(),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: { received: true } });

    const stored = (await storedProposals(cms)).find((proposal) => proposal.email === email);
    expect(stored).toMatchObject({
      title: 'Proposé en JSON',
      reviewStatus: 'recue',
      votes: 0,
      wantsMentor: true,
      links: 'https://example.org/camille\nhttps://mastodon.example/@camille',
    });

    const team = await smtp.waitForMail(TEAM, new RegExp(stored!.documentId));
    expect(team.subject).toBe('Nouvelle proposition de talk');
    expect(team.replyTo).toContain(email);
    expect(team.text).toContain(`/admin/content-manager/collection-types/${PROPOSAL_UID}/${stored!.documentId}`);
    expect(team.text).toContain('Souhaite un mentor : oui');
    expect(team.html).toContain('<strong>Titre :</strong> Proposé en JSON');
    expect(team.html).toContain('Camille Testeuse propose un talk');
    const thanks = await smtp.waitForMail(email);
    expect(thanks.subject).toBe('Nous avons bien reçu votre proposition de talk');
    expect(thanks.replyTo).toContain(TEAM);
    expect(thanks.text).toContain('Nous avons bien reçu votre proposition');
    expect(thanks.html).toContain('Nous avons bien reçu votre proposition');
    for (const part of [thanks.subject, thanks.text, thanks.html]) {
      for (const typed of ['Proposé en JSON', 'Camille', 'base jetable', 'Clermont-Ferrand'])
        expect(part).not.toContain(typed);
    }
  });

  it('keeps markup typed in the form inert in both e-mails, out of their subjects, and the visitor’s words out of the acknowledgement', async () => {
    const markup = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="https://evil.example">clic</a>';
    const email = 'balises@example.org';
    const form = proposalForm({
      title: markup,
      abstract: `${markup} ${markup}`,
      speakerName: markup,
      bio: markup,
      links: `https://example.org/${markup}`,
      email,
    });
    expect((await sendProposal(cms, form, { clientIp: freshIp() })).status).toBe(201);
    const stored = (await storedProposals(cms)).find((proposal) => proposal.email === email)!;
    const team = await smtp.waitForMail(TEAM, new RegExp(stored.documentId));
    const thanks = await smtp.waitForMail(email);

    const tags = ['<script', '<img', '<a href="https://evil.example"'];
    for (const [name, mail] of [
      ['team', team],
      ['acknowledgement', thanks],
    ] as const) {
      expect(mail.html, `${name}: an HTML part of its own`).toMatch(/^<!doctype html>/);
      for (const part of ['subject', 'text', 'html'] as const) {
        for (const tag of tags) expect(mail[part], `${name} ${part}`).not.toContain(tag);
      }
      for (const word of ['script', 'alert', 'evil', 'clic', 'onerror'])
        expect(mail.subject, `${name} subject`).not.toContain(word);
    }
    // The team reads every field, as text.
    expect(team.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;a href=&quot;https://evil.example&quot;&gt;clic&lt;/a&gt;',
    );
    // The speaker's address is unconfirmed: nothing they typed comes back, escaped or not.
    for (const part of ['subject', 'text', 'html'] as const) {
      for (const word of ['alert', 'evil.example', 'onerror', 'clic', 'example.org/'])
        expect(thanks[part], `acknowledgement ${part}`).not.toContain(word);
    }
  });

  it('answers a plain form post with a redirect to the site’s thank-you page', async () => {
    const response = await sendProposal(
      cms,
      proposalForm({ title: 'Proposé sans JavaScript', email: 'form@example.org' }),
      { as: 'form', clientIp: freshIp() },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${SITE_URL}/proposer-un-talk/merci/`);
    expect((await storedProposals(cms)).map((proposal) => proposal.title)).toContain('Proposé sans JavaScript');
  });

  const refused: [string, Record<string, unknown>][] = [
    ['no title', proposalForm({ title: undefined })],
    ['an empty abstract', proposalForm({ abstract: '   ' })],
    ['a too short abstract', proposalForm({ abstract: 'Trop court.' })],
    ['an oversized title', proposalForm({ title: 'T'.repeat(151) })],
    ['an oversized abstract', proposalForm({ abstract: 'a'.repeat(4001) })],
    ['an oversized bio', proposalForm({ bio: 'b'.repeat(2001) })],
    ['an invalid e-mail', proposalForm({ email: 'camille@localhost' })],
    ['an unknown format', proposalForm({ format: 'keynote' })],
    ['a title on two lines', proposalForm({ title: 'Deux\nlignes' })],
    ['a javascript: link', proposalForm({ links: 'javascript:alert(1)' })],
    ['a title that is not text', proposalForm({ title: ['a', 'b'] })],
    ['a status', proposalForm({ reviewStatus: 'acceptee' })],
    ['votes', proposalForm({ votes: 99 })],
    ['voters', proposalForm({ voters: [1, 2, 3] })],
    ['publishedAt', proposalForm({ publishedAt: '2026-01-01T00:00:00.000Z' })],
    ['a talk relation', proposalForm({ talk: 1 })],
    ['an id', proposalForm({ id: 1 })],
    ['Strapi’s data wrapper', { data: proposalForm() }],
    ['the honeypot filled', proposalForm({ site_web: 'https://spam.example' })],
  ];

  it.each(refused)('refuses a proposal with %s (400, nothing stored, never 5xx)', async (_case, body) => {
    const before = (await storedProposals(cms)).length;
    for (const as of ['json', 'form'] as const) {
      if (as === 'form' && (Array.isArray(body.title) || Array.isArray(body.voters) || 'data' in body)) continue;
      const response = await sendProposal(cms, body, { as, clientIp: freshIp() });
      expect(response.status, `${as}: ${await response.clone().text()}`).toBe(400);
      if (as === 'json') {
        const answer = (await response.json()) as { error: { message: string; details: { field: string } } };
        expect(answer.error.message.length).toBeGreaterThan(5);
        expect(answer.error.details.field).toBeTruthy();
      }
    }
    expect((await storedProposals(cms)).length).toBe(before);
  });

  it('refuses bodies that are not a form: text, an array, a file upload', async () => {
    const before = (await storedProposals(cms)).length;
    const headers = { 'x-forwarded-for': freshIp() };
    const text = await cms.fetch('/api/proposals', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'title=Hello',
    });
    const array = await cms.fetch('/api/proposals', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '[1,2]',
    });
    const upload = new FormData();
    for (const [name, value] of Object.entries(proposalForm())) upload.set(name, String(value));
    upload.set('files', new Blob(['<svg onload="alert(1)"/>'], { type: 'image/svg+xml' }), 'x.svg');
    const multipart = await cms.fetch('/api/proposals', { method: 'POST', headers, body: upload });
    // Multipart bodies are refused before they are read (415): only the media library takes files.
    expect([text.status, array.status, multipart.status]).toEqual([400, 400, 415]);
    expect((await storedProposals(cms)).length).toBe(before);
  });

  it('shows a refused plain form again, with the reason and everything typed, escaped', async () => {
    const title = '<script>alert("x")</script> Mon talk';
    const abstract =
      'Un résumé assez long pour passer, avec des <b>balises</b> et des guillemets " qui doivent rester du texte.';
    const response = await sendProposal(cms, proposalForm({ title, abstract, email: 'pas-une-adresse@x' }), {
      as: 'form',
      clientIp: freshIp(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain(`form-action 'self' ${SITE_URL}`);
    const html = await response.text();
    expect(html).toContain('Cette adresse e-mail ne semble pas valide.');
    expect(html).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mon talk"');
    expect(html).toContain('des &lt;b&gt;balises&lt;/b&gt; et des guillemets &quot; qui');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/name="email"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/value="court" required checked/);
    expect(html).toMatch(/name="wantsMentor" checked/);
  });

  it('never shows proposals through the public API, and opens nothing but sending', async () => {
    const [anyProposal, ...others] = await storedProposals(cms);
    // The demo content's proposals too: members find examples on a new install, the public nothing.
    expect([anyProposal, ...others].map((proposal) => proposal?.title)).toContain(
      'Mon premier talk : automatiser la serre du jardin partagé',
    );
    const site = { authorization: `Bearer ${cms.env.CMS_TOKEN}` };
    const attempts = [
      await cms.fetch('/api/proposals'),
      await cms.fetch(`/api/proposals/${anyProposal!.documentId}`),
      await cms.fetch('/api/proposals', { headers: site }),
      await cms.fetch(`/api/proposals/${anyProposal!.documentId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { title: 'pirate' } }),
      }),
      await cms.fetch(`/api/proposals/${anyProposal!.documentId}`, { method: 'DELETE' }),
      // The site's token reads; it may not write, not even a proposal.
      await cms.fetch('/api/proposals', {
        method: 'POST',
        headers: { ...site, 'content-type': 'application/json' },
        body: JSON.stringify(proposalForm()),
      }),
    ];
    for (const response of attempts) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).not.toContain(anyProposal!.email);
    }
  });

  it('refuses the 11th and later of 20 proposals sent within a minute from one address (429), storing none of them', async () => {
    const ip = freshIp();
    const before = (await storedProposals(cms)).length;
    const statuses: number[] = [];
    for (let n = 1; n <= 20; n++) {
      const response = await sendProposal(
        cms,
        proposalForm({ title: `Rafale numéro ${n}`, email: `rafale${n}@example.org` }),
        { clientIp: ip, as: n % 2 ? 'json' : 'form' },
      );
      statuses.push(response.status);
      if (n > RATE_LIMIT) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 201 || status === 303)).toBe(true);
    expect(statuses.slice(RATE_LIMIT)).toEqual(Array(20 - RATE_LIMIT).fill(429));
    const titles = (await storedProposals(cms)).map((proposal) => proposal.title);
    expect(titles.length).toBe(before + RATE_LIMIT);
    expect(titles).not.toContain(`Rafale numéro ${RATE_LIMIT + 1}`);
    // Another address is not held back by this one.
    expect(
      (await sendProposal(cms, proposalForm({ title: 'Depuis une autre adresse' }), { clientIp: freshIp() })).status,
    ).toBe(201);
  });

  // Votes take a row lock and write JSON: both databases, when PostgreSQL is there (CI).
  describe.each(databases)('in the admin, on %s', (database) => {
    let db: RunningCms;
    let memberA: string;
    let memberB: string;
    let documentId: string;

    beforeAll(async () => {
      db = database === 'sqlite' ? cms : await startCms({ database, env: { CMS_TRUST_PROXY: 'true' } });
      const superAdmin = await db.adminToken();
      await createAdminUser(db.url, superAdmin, 'Editor', MEMBER_A.email, MEMBER_A.password);
      await createAdminUser(db.url, superAdmin, 'Editor', MEMBER_B.email, MEMBER_B.password);
      [memberA, memberB] = await Promise.all([
        adminLogin(db.url, MEMBER_A.email, MEMBER_A.password),
        adminLogin(db.url, MEMBER_B.email, MEMBER_B.password),
      ]);
      expect(
        (await sendProposal(db, proposalForm({ title: 'À voter', email: 'vote@example.org' }), { clientIp: freshIp() }))
          .status,
      ).toBe(201);
      documentId = (await storedProposals(db)).find((proposal) => proposal.title === 'À voter')!.documentId;
    });

    afterAll(async () => {
      if (db !== cms) await db?.destroy();
    });

    const panel = async (token: string, id = documentId) =>
      (await (await memberRequest(db, token, `/${id}/votes`)).json()) as {
        votes: number;
        mine: boolean;
        talk: { documentId: string; title: string } | null;
      };
    const tally = async (token: string) => {
      const { votes, mine } = await panel(token);
      return { votes, mine };
    };
    const vote = async (token: string, inFavour: boolean) => {
      const response = await memberRequest(db, token, `/${documentId}/votes`, { inFavour });
      expect(response.status).toBe(200);
      return (await response.json()) as { votes: number; mine: boolean };
    };

    it('counts one vote per member, however many times they click', async () => {
      expect(await panel(memberA)).toEqual({ votes: 0, mine: false, talk: null });
      expect(await vote(memberA, true)).toEqual({ votes: 1, mine: true });
      expect(await vote(memberA, true)).toEqual({ votes: 1, mine: true });
      expect(await tally(memberB)).toEqual({ votes: 1, mine: false });
      // Two members at the same moment: both count.
      await Promise.all([vote(memberB, true), vote(memberA, true)]);
      expect(await tally(memberB)).toEqual({ votes: 2, mine: true });
      expect(await vote(memberA, false)).toEqual({ votes: 1, mine: false });
      expect((await storedProposals(db)).find((proposal) => proposal.documentId === documentId)?.votes).toBe(1);
    });

    it('keeps votes when a member saves the proposal from a form loaded before', async () => {
      await updateDraft(db.url, memberA, PROPOSAL_UID, documentId, {
        title: 'À voter',
        votes: 0,
        voters: [],
        notes: 'Bon sujet pour mars.',
      });
      expect(await tally(memberA)).toEqual({ votes: 1, mine: false });
      expect(await tally(memberB)).toEqual({ votes: 1, mine: true });
    });

    it('refuses votes without an admin session, and on a proposal that does not exist', async () => {
      expect(
        (
          await db.fetch(`/talk-proposals/${documentId}/votes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"inFavour":true}',
          })
        ).status,
      ).toBe(401);
      expect((await memberRequest(db, memberA, '/inexistant0000000000000000/votes', { inFavour: true })).status).toBe(
        404,
      );
      expect((await memberRequest(db, memberA, `/${documentId}/votes`, { inFavour: 'yes' })).status).toBe(400);
    });

    it('turns an accepted proposal into a draft talk with a new speaker, once', async () => {
      const early = await memberRequest(db, memberA, `/${documentId}/talk`, {});
      expect(early.status).toBe(409);
      await updateDraft(db.url, memberA, PROPOSAL_UID, documentId, { reviewStatus: 'acceptee' });

      const response = await memberRequest(db, memberA, `/${documentId}/talk`, {});
      expect(response.status).toBe(201);
      const created = (await response.json()) as {
        documentId: string;
        title: string;
        speaker: { documentId: string; name: string; reused: boolean };
      };
      expect(created).toMatchObject({ title: 'À voter', speaker: { name: 'Camille Testeuse', reused: false } });

      const headers = { authorization: `Bearer ${memberA}` };
      const talk = (await (
        await db.fetch(`/content-manager/collection-types/api::talk.talk/${created.documentId}`, { headers })
      ).json()) as {
        data: { title: string; slug: string; duration: number; publishedAt: string | null };
      };
      expect(talk.data).toMatchObject({ title: 'À voter', slug: 'a-voter', duration: 15, publishedAt: null });
      const speaker = (await (
        await db.fetch(`/content-manager/collection-types/api::speaker.speaker/${created.speaker.documentId}`, {
          headers,
        })
      ).json()) as {
        data: { name: string; bio: string; links: { label: string; url: string }[]; publishedAt: string | null };
      };
      expect(speaker.data).toMatchObject({
        name: 'Camille Testeuse',
        bio: 'Développeuse à Clermont-Ferrand.',
        publishedAt: null,
      });
      expect(speaker.data.links).toEqual([
        { id: expect.any(Number), label: 'example.org', url: 'https://example.org/camille' },
        { id: expect.any(Number), label: 'mastodon.example', url: 'https://mastodon.example/@camille' },
      ]);
      const related = async (uid: string, id: string, field: string) =>
        (
          (await (await db.fetch(`/content-manager/relations/${uid}/${id}/${field}`, { headers })).json()) as {
            results: { documentId: string }[];
          }
        ).results.map((entry) => entry.documentId);
      expect(await related('api::talk.talk', created.documentId, 'speakers')).toEqual([created.speaker.documentId]);
      expect(await related(PROPOSAL_UID, documentId, 'talk')).toEqual([created.documentId]);
      expect((await panel(memberB)).talk).toEqual({ documentId: created.documentId, title: 'À voter' });

      // A draft: nothing on the public API until a member publishes it.
      const published = (await (await db.fetch('/api/talks?filters[slug][$eq]=a-voter')).json()) as ListResponse;
      expect(published.data).toEqual([]);

      const again = await memberRequest(db, memberA, `/${documentId}/talk`, {});
      expect(again.status).toBe(409);
      const talks = (await (
        await db.fetch('/content-manager/collection-types/api::talk.talk?filters[title][$eq]=À voter', { headers })
      ).json()) as { results: unknown[] };
      expect(talks.results).toHaveLength(1);
    });

    it('reuses the speaker who already has a page, whatever the case and accents', async () => {
      const known = await findBySlug(
        db.url,
        'speakers',
        ((await (await db.fetch('/api/speakers?pagination[pageSize]=1')).json()) as ListResponse<{ slug: string }>)
          .data[0]!.slug,
      );
      const name = String(known.name);
      const shouted = name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toUpperCase();
      expect(
        (
          await sendProposal(
            db,
            proposalForm({ title: 'Un deuxième talk', speakerName: shouted, email: 'deja-venu@example.org' }),
            { clientIp: freshIp() },
          )
        ).status,
      ).toBe(201);
      const second = (await storedProposals(db)).find((proposal) => proposal.title === 'Un deuxième talk')!.documentId;
      await updateDraft(db.url, memberB, PROPOSAL_UID, second, { reviewStatus: 'acceptee' });
      const response = await memberRequest(db, memberB, `/${second}/talk`, {});
      expect(response.status).toBe(201);
      const created = (await response.json()) as { speaker: { documentId: string; reused: boolean } };
      expect(created.speaker).toEqual({ documentId: known.documentId, name, reused: true });
    });
  });
});
