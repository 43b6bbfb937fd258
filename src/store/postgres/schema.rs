//! The network's schema on PostgreSQL, versioned in `borne_schema`. Each kiosk may run
//! `migrate` at start: an advisory lock makes two kiosks upgrading at once take turns.
use postgres::Client;

/// Each step, in order; a step is never edited once shipped, only followed by another.
const MIGRATIONS: &[&str] = &[
    // 1: the network's agenda. Every time a counsellor is taken (an appointment not
    // cancelled, an absence, a workshop session they lead) is one row of `occupation`, and
    // its exclusion constraint forbids two such rows of one counsellor to overlap, whichever
    // kiosk writes them: half-open ranges, so 10:00–10:30 and 10:30–11:00 both fit.
    "CREATE EXTENSION IF NOT EXISTS btree_gist;
    CREATE TABLE help_point (
        id text PRIMARY KEY,
        name text NOT NULL
    );
    CREATE TABLE occupation (
        id bigserial PRIMARY KEY,
        counsellor text NOT NULL,
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during)
            AND NOT upper_inc(during)),
        booking bigint UNIQUE,
        absence bigint UNIQUE,
        session text UNIQUE,
        CHECK (num_nonnulls(booking, absence, session) = 1),
        EXCLUDE USING gist (counsellor WITH =, during WITH &&)
    );
    CREATE TABLE booking (
        id bigserial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        help_point text NOT NULL REFERENCES help_point (id),
        counsellor text NOT NULL,
        motif text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        status text NOT NULL DEFAULT 'à venir' CHECK (status IN
            ('à venir', 'présent', 'absent', 'annulé par l''usager', 'annulé par le service')),
        first_name text,
        last_initial text,
        phone text,
        email text,
        reminder boolean NOT NULL DEFAULT false,
        diagnostic text,
        booked_by text NOT NULL,
        created_at timestamptz NOT NULL,
        cancel_reason text,
        erased boolean NOT NULL DEFAULT false,
        -- A kiosk's own id for the request: a request replayed after a lost answer finds
        -- the booking it made instead of making another.
        request_id text UNIQUE
    );
    CREATE INDEX booking_starts ON booking (starts_at);
    CREATE TABLE absence (
        id bigserial PRIMARY KEY,
        counsellor text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at)
    );
    CREATE TABLE workshop_session (
        id text PRIMARY KEY,
        series text NOT NULL,
        help_point text NOT NULL REFERENCES help_point (id),
        counsellor text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        seats integer NOT NULL CHECK (seats >= 0),
        cancelled boolean NOT NULL DEFAULT false
    );
    CREATE FUNCTION booking_occupies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE booking = NEW.id;
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service') THEN
            INSERT INTO occupation (counsellor, during, booking)
            VALUES (NEW.counsellor, tstzrange(NEW.starts_at, NEW.ends_at, '[)'), NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER booking_occupies AFTER INSERT OR UPDATE OF counsellor, starts_at, ends_at,
        status ON booking FOR EACH ROW EXECUTE FUNCTION booking_occupies();
    CREATE FUNCTION absence_occupies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE absence = NEW.id;
        INSERT INTO occupation (counsellor, during, absence)
        VALUES (NEW.counsellor, tstzrange(NEW.starts_at, NEW.ends_at, '[)'), NEW.id);
        RETURN NEW;
    END $$;
    CREATE TRIGGER absence_occupies AFTER INSERT OR UPDATE ON absence
        FOR EACH ROW EXECUTE FUNCTION absence_occupies();
    CREATE FUNCTION session_occupies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE session = NEW.id;
        IF NOT NEW.cancelled THEN
            INSERT INTO occupation (counsellor, during, session)
            VALUES (NEW.counsellor, tstzrange(NEW.starts_at, NEW.ends_at, '[)'), NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER session_occupies AFTER INSERT OR UPDATE ON workshop_session
        FOR EACH ROW EXECUTE FUNCTION session_occupies();
    CREATE FUNCTION occupation_freed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE booking = OLD.id AND TG_TABLE_NAME = 'booking'
            OR absence = OLD.id AND TG_TABLE_NAME = 'absence';
        RETURN OLD;
    END $$;
    CREATE TRIGGER booking_freed AFTER DELETE ON booking
        FOR EACH ROW EXECUTE FUNCTION occupation_freed();
    CREATE TRIGGER absence_freed AFTER DELETE ON absence
        FOR EACH ROW EXECUTE FUNCTION occupation_freed();
    CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        booking bigint REFERENCES booking (id),
        due_at timestamptz NOT NULL,
        recipient text,
        message text,
        kind text NOT NULL DEFAULT 'rappel' CHECK (kind IN ('rappel', 'avis')),
        about_start timestamptz,
        status text NOT NULL DEFAULT 'à envoyer' CHECK (status IN
            ('à envoyer', 'en cours', 'envoyé', 'échec', 'annulé')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz
    );
    CREATE INDEX outbox_due ON outbox (status, due_at);
    CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        help_point text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL
    );",
    // 2: workshop registrations, and the activity reports an appointment may have. A
    // session's leader may be unknown (a session staff added before naming one): it then
    // takes no one's time.
    "CREATE TABLE registration (
        id bigserial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        help_point text NOT NULL REFERENCES help_point (id),
        workshop text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        status text NOT NULL DEFAULT 'à venir' CHECK (status IN
            ('à venir', 'présent', 'absent', 'annulé par l''usager', 'annulé par le service')),
        first_name text,
        last_initial text,
        phone text,
        email text,
        reminder boolean NOT NULL DEFAULT false,
        booked_by text NOT NULL,
        created_at timestamptz NOT NULL,
        erased boolean NOT NULL DEFAULT false,
        request_id text UNIQUE
    );
    CREATE INDEX registration_workshop ON registration (workshop);
    ALTER TABLE outbox ADD COLUMN registration bigint REFERENCES registration (id);
    ALTER TABLE workshop_session ALTER COLUMN counsellor DROP NOT NULL;
    CREATE OR REPLACE FUNCTION session_occupies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE session = NEW.id;
        IF NOT NEW.cancelled AND NEW.counsellor IS NOT NULL THEN
            INSERT INTO occupation (counsellor, during, session)
            VALUES (NEW.counsellor, tstzrange(NEW.starts_at, NEW.ends_at, '[)'), NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE TABLE activite (
        id bigserial PRIMARY KEY,
        help_point text NOT NULL,
        counsellor text NOT NULL,
        booking text UNIQUE,
        type text NOT NULL,
        date date NOT NULL,
        duree integer NOT NULL,
        lieu text NOT NULL,
        autonomie text,
        materiel text NOT NULL,
        thematiques text NOT NULL,
        thematiques_administratives text NOT NULL,
        redirection text,
        notes text,
        genre text NOT NULL,
        tranche_age text NOT NULL,
        statut text NOT NULL,
        created_at timestamptz NOT NULL
    );
    CREATE INDEX activite_date ON activite (date);",
    // 3: who changed a session last, and the anonymous count of finished diagnostics.
    "ALTER TABLE workshop_session ADD COLUMN changed_by text;
    ALTER TABLE workshop_session ADD COLUMN changed_at timestamptz;
    CREATE TABLE diagnostic_count (
        id bigserial PRIMARY KEY,
        help_point text NOT NULL,
        day date NOT NULL,
        profile text NOT NULL,
        needs text NOT NULL
    );
    CREATE INDEX diagnostic_count_day ON diagnostic_count (day);",
    // 4: a person's request to be called back, made at a kiosk while the network was down
    // and sent when it came back; the kiosk's request id makes a replay find the row it made.
    "CREATE TABLE callback_request (
        request_id text PRIMARY KEY,
        help_point text NOT NULL REFERENCES help_point (id),
        first_name text NOT NULL,
        phone text NOT NULL,
        about text NOT NULL,
        asked_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        called_back_at timestamptz
    );
    CREATE INDEX callback_request_help_point ON callback_request (help_point, asked_at);",
    // 5: least privilege. Each kiosk logs in with its own role, a member of `borne_kiosk`,
    // mapped to its help point in `kiosk`. Row-level security lets it see the people booked
    // at its own help point only; a counsellor signed in on it (a session the database opened
    // on a PIN's proof, `borne_sign_in`) adds their own appointments and activity reports.
    // It reads no audit trail, and no PIN hash: the published agendas hold only their salts,
    // `counsellor_pin.kept` is the database's alone. The network's owner (who migrates and
    // publishes) sees all.
    "DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'borne_kiosk') THEN
            CREATE ROLE borne_kiosk NOLOGIN;
        END IF;
    END $$;
    CREATE TABLE kiosk (
        role name PRIMARY KEY,
        help_point text NOT NULL REFERENCES help_point (id),
        -- Wrong PINs in a row on this kiosk, and until when it may not try another.
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz
    );
    CREATE TABLE agenda (
        help_point text PRIMARY KEY REFERENCES help_point (id),
        document text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL DEFAULT session_user
    );
    CREATE TABLE counsellor_pin (
        counsellor text PRIMARY KEY,
        salted text NOT NULL,
        kept bytea NOT NULL
    );
    -- A counsellor's absence published with a help point's agenda: replaced by the next
    -- publication of that agenda. Two help points may both say a counsellor is away (the
    -- same holidays): absences may overlap one another, never an appointment or a session.
    -- Each occupation has a layer, 0 for every absence and its own id otherwise, and two
    -- occupations conflict only on different layers.
    ALTER TABLE absence ADD COLUMN help_point text REFERENCES help_point (id);
    ALTER TABLE occupation DROP CONSTRAINT occupation_counsellor_during_excl;
    ALTER TABLE occupation ADD COLUMN layer bigint NOT NULL
        GENERATED ALWAYS AS (CASE WHEN absence IS NULL THEN id ELSE 0 END) STORED;
    ALTER TABLE occupation ADD CONSTRAINT occupation_counsellor_during_excl
        EXCLUDE USING gist (counsellor WITH =, during WITH &&, layer WITH <>);
    -- A session's id (`<series>@<date>`) is its help point's: two help points may run a
    -- workshop of the same id on the same day.
    ALTER TABLE workshop_session DROP CONSTRAINT workshop_session_pkey;
    ALTER TABLE workshop_session ADD PRIMARY KEY (help_point, id);
    ALTER TABLE occupation DROP CONSTRAINT occupation_session_key;
    UPDATE occupation o SET session = s.help_point || '/' || s.id
        FROM workshop_session s WHERE o.session = s.id;
    ALTER TABLE occupation ADD CONSTRAINT occupation_session_key UNIQUE (session);
    CREATE OR REPLACE FUNCTION session_occupies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM occupation WHERE session = NEW.help_point || '/' || NEW.id;
        IF NOT NEW.cancelled AND NEW.counsellor IS NOT NULL THEN
            INSERT INTO occupation (counsellor, during, session)
            VALUES (NEW.counsellor, tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.help_point || '/' || NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE INDEX registration_help_point_workshop ON registration (help_point, workshop);
    CREATE TABLE counsellor_session (
        token text PRIMARY KEY,
        counsellor text NOT NULL,
        kiosk name NOT NULL,
        expires_at timestamptz NOT NULL
    );
    CREATE FUNCTION borne_help_point() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT help_point FROM kiosk WHERE role = session_user
    $$;
    CREATE FUNCTION borne_counsellor() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT counsellor FROM counsellor_session
        WHERE token = current_setting('borne.session', true) AND kiosk = session_user
            AND expires_at > now()
    $$;
    -- Signs a counsellor in on this connection when one of the proofs is theirs (see
    -- pin::proof); counts wrong PINs per kiosk, five in a row lock it for 15 minutes.
    CREATE FUNCTION borne_sign_in(counsellors text[], proofs bytea[])
        RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = public AS $$
    DECLARE
        found text;
        made text;
        locked timestamptz;
    BEGIN
        SELECT locked_until INTO locked FROM kiosk WHERE role = session_user FOR UPDATE;
        IF locked > now() THEN
            RAISE EXCEPTION 'too many wrong PINs on this kiosk: wait until %', locked
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT p.counsellor INTO found
        FROM counsellor_pin p JOIN unnest(counsellors, proofs) AS given (counsellor, proof)
            ON p.counsellor = given.counsellor AND p.kept = given.proof
        LIMIT 1;
        DELETE FROM counsellor_session
        WHERE token = current_setting('borne.session', true) OR expires_at < now();
        IF found IS NULL THEN
            UPDATE kiosk SET failures = failures + 1,
                locked_until = CASE WHEN failures + 1 >= 5
                    THEN now() + interval '15 minutes' END
            WHERE role = session_user;
            PERFORM set_config('borne.session', '', false);
            RETURN NULL;
        END IF;
        UPDATE kiosk SET failures = 0, locked_until = NULL WHERE role = session_user;
        made := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
        INSERT INTO counsellor_session (token, counsellor, kiosk, expires_at)
        VALUES (made, found, session_user, now() + interval '12 hours');
        PERFORM set_config('borne.session', made, false);
        RETURN found;
    END $$;
    CREATE FUNCTION borne_sign_out() RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = public AS $$
    BEGIN
        DELETE FROM counsellor_session WHERE token = current_setting('borne.session', true);
        PERFORM set_config('borne.session', '', false);
    END $$;
    -- Taken back on a new connection while the counsellor is still signed in: the counsellor
    -- it opens to, if the session is still valid.
    CREATE FUNCTION borne_resume(token text) RETURNS text LANGUAGE plpgsql VOLATILE
        SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        PERFORM set_config('borne.session', token, false);
        RETURN borne_counsellor();
    END $$;
    -- What a kiosk's booking sets off (the counsellor's time taken or freed) is the
    -- database's own doing: kiosks do not write `occupation` themselves.
    ALTER FUNCTION booking_occupies() SECURITY DEFINER SET search_path = public;
    ALTER FUNCTION absence_occupies() SECURITY DEFINER SET search_path = public;
    ALTER FUNCTION session_occupies() SECURITY DEFINER SET search_path = public;
    ALTER FUNCTION occupation_freed() SECURITY DEFINER SET search_path = public;
    -- Where a code was booked, when not at `here`: the name of a help point, nothing of the
    -- person, so a kiosk tells someone where to go rather than that their code is unknown.
    CREATE FUNCTION borne_booked_elsewhere(code text, here text) RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT h.name FROM (
            SELECT b.help_point FROM booking b WHERE b.code = $1
            UNION ALL SELECT r.help_point FROM registration r WHERE r.code = $1
        ) found JOIN help_point h ON h.id = found.help_point
        WHERE found.help_point <> $2
        LIMIT 1
    $$;
    REVOKE ALL ON FUNCTION borne_booked_elsewhere FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION borne_booked_elsewhere TO borne_kiosk;
    REVOKE ALL ON FUNCTION borne_sign_in, borne_sign_out, borne_resume,
        borne_help_point, borne_counsellor FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION borne_sign_in, borne_sign_out, borne_resume,
        borne_help_point, borne_counsellor TO borne_kiosk;

    GRANT SELECT ON borne_schema, help_point, occupation, absence, agenda TO borne_kiosk;
    GRANT SELECT (counsellor, salted) ON counsellor_pin TO borne_kiosk;
    GRANT SELECT, INSERT, UPDATE ON booking, registration, workshop_session, outbox,
        activite, callback_request TO borne_kiosk;
    GRANT SELECT, INSERT ON diagnostic_count TO borne_kiosk;
    GRANT INSERT ON audit TO borne_kiosk;
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO borne_kiosk;

    ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON booking TO borne_kiosk
        USING (help_point = borne_help_point() OR counsellor = borne_counsellor())
        WITH CHECK (help_point = borne_help_point() OR counsellor = borne_counsellor());
    ALTER TABLE registration ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON registration TO borne_kiosk
        USING (help_point = borne_help_point() OR workshop IN
            (SELECT id FROM workshop_session WHERE counsellor = borne_counsellor()))
        WITH CHECK (help_point = borne_help_point());
    ALTER TABLE workshop_session ENABLE ROW LEVEL SECURITY;
    CREATE POLICY everyone_reads ON workshop_session FOR SELECT TO borne_kiosk USING (true);
    CREATE POLICY its_own ON workshop_session FOR INSERT TO borne_kiosk
        WITH CHECK (help_point = borne_help_point());
    CREATE POLICY its_own_changed ON workshop_session FOR UPDATE TO borne_kiosk
        USING (help_point = borne_help_point());
    -- A message is the help point's that queued it (its kiosk sends it), and the concern of
    -- whoever may see its appointment (a cancellation voids it wherever it is made).
    ALTER TABLE outbox ADD COLUMN help_point text REFERENCES help_point (id);
    UPDATE outbox SET help_point = coalesce(
        (SELECT b.help_point FROM booking b WHERE b.id = outbox.booking),
        (SELECT r.help_point FROM registration r WHERE r.id = outbox.registration));
    ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON outbox TO borne_kiosk
        USING (help_point = borne_help_point() OR booking IN (SELECT id FROM booking)
            OR registration IN (SELECT id FROM registration))
        WITH CHECK (help_point = borne_help_point() OR booking IN (SELECT id FROM booking)
            OR registration IN (SELECT id FROM registration));
    ALTER TABLE activite ENABLE ROW LEVEL SECURITY;
    CREATE POLICY signed_in ON activite TO borne_kiosk
        USING (counsellor = borne_counsellor())
        WITH CHECK (counsellor = borne_counsellor() AND help_point = borne_help_point());
    ALTER TABLE callback_request ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON callback_request TO borne_kiosk
        USING (help_point = borne_help_point());
    ALTER TABLE diagnostic_count ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON diagnostic_count TO borne_kiosk
        USING (help_point = borne_help_point());
    ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON audit FOR INSERT TO borne_kiosk
        WITH CHECK (help_point = borne_help_point());",
    // 6: a kiosk's password opens nothing but its own help point (issue #25), reviewed
    // against PostgreSQL's "Writing SECURITY DEFINER Functions Safely":
    // - no kiosk creates anything: no temporary table (which a function's unqualified name
    //   would find first), nothing in any schema; the migration fails rather than leave it;
    // - every function that runs as the owner names each table with its schema and is set to
    //   `search_path = public, pg_temp` (the temporary schema last), and only `borne_kiosk`
    //   may call it (PUBLIC's default EXECUTE revoked);
    // - a sign-in proves one PIN for one counsellor; every try counts against the kiosk and
    //   the counsellor before its answer can be read, and its answer is read only in a later
    //   transaction (a try rolled back tells nothing);
    // - a counsellor's id is one person in the whole network (`counsellor_listed` says which
    //   help points' agendas list them, `agenda publish` refuses another person's id);
    // - the audit trail's actor is the database's word for a kiosk's role;
    // - where a code was booked is told only with the phone digits (or first name) that go
    //   with it.
    r#"DO $$
    DECLARE
        s name;
        k name;
    BEGIN
        EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC, borne_kiosk',
            current_database());
        FOR s IN SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
        LOOP
            EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, borne_kiosk', s);
        END LOOP;
        FOR k IN SELECT role FROM public.kiosk LOOP
            EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM %I',
                current_database(), k);
        END LOOP;
    END $$;

    ALTER TABLE public.counsellor_pin ADD COLUMN name text,
        ADD COLUMN failures integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz;
    CREATE TABLE public.counsellor_listed (
        help_point text NOT NULL REFERENCES public.help_point (id),
        counsellor text NOT NULL REFERENCES public.counsellor_pin (counsellor)
            ON DELETE CASCADE,
        PRIMARY KEY (help_point, counsellor)
    );
    ALTER TABLE public.counsellor_session ADD COLUMN opened_in xid8,
        ADD COLUMN confirmed boolean NOT NULL DEFAULT false;

    CREATE OR REPLACE FUNCTION public.borne_help_point() RETURNS text LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT k.help_point FROM public.kiosk k WHERE k.role = session_user
    $$;
    -- A session opened by this very transaction is not one yet: a sign-in is read only once
    -- its try is committed, counted.
    CREATE OR REPLACE FUNCTION public.borne_counsellor() RETURNS text LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.counsellor FROM public.counsellor_session s
        WHERE s.token = pg_catalog.current_setting('borne.session', true)
            AND s.kiosk = session_user AND s.expires_at > pg_catalog.now()
            AND (s.opened_in IS NULL
                OR s.opened_in IS DISTINCT FROM pg_catalog.pg_current_xact_id_if_assigned())
    $$;
    DROP FUNCTION public.borne_sign_in(text[], bytea[]);
    -- One PIN's proof (see pin::proof) for one counsellor. The try counts against the kiosk
    -- and the counsellor whatever it proves (five in a row lock either for 15 minutes);
    -- `borne_signed_in`, in the next transaction, reads the answer and takes a right try's
    -- count back. The connection holds a token either way, a session only when it was right.
    CREATE FUNCTION public.borne_sign_in(counsellor text, proof bytea) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        kiosk_locked timestamptz;
        kept bytea;
        counsellor_locked timestamptz;
        token text := pg_catalog.replace(pg_catalog.gen_random_uuid()::text
            || pg_catalog.gen_random_uuid()::text, '-', '');
    BEGIN
        SELECT k.locked_until INTO kiosk_locked FROM public.kiosk k
        WHERE k.role = session_user FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'only a kiosk''s role signs a counsellor in'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF kiosk_locked > pg_catalog.now() THEN
            RAISE EXCEPTION 'too many wrong PINs on this kiosk: wait until %', kiosk_locked
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT p.kept, p.locked_until INTO kept, counsellor_locked FROM public.counsellor_pin p
        WHERE p.counsellor = borne_sign_in.counsellor FOR UPDATE;
        IF counsellor_locked > pg_catalog.now() THEN
            RAISE EXCEPTION 'too many wrong PINs for this counsellor: wait until %',
                counsellor_locked USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE public.kiosk k SET failures = k.failures + 1,
            locked_until = CASE WHEN k.failures + 1 >= 5
                THEN pg_catalog.now() + interval '15 minutes' END
        WHERE k.role = session_user;
        UPDATE public.counsellor_pin p SET failures = p.failures + 1,
            locked_until = CASE WHEN p.failures + 1 >= 5
                THEN pg_catalog.now() + interval '15 minutes' END
        WHERE p.counsellor = borne_sign_in.counsellor;
        DELETE FROM public.counsellor_session s
        WHERE s.token = pg_catalog.current_setting('borne.session', true)
            OR s.expires_at < pg_catalog.now();
        IF kept = proof THEN
            INSERT INTO public.counsellor_session
                (token, counsellor, kiosk, expires_at, opened_in)
            VALUES (token, borne_sign_in.counsellor, session_user,
                pg_catalog.now() + interval '12 hours', pg_catalog.pg_current_xact_id());
        END IF;
        PERFORM pg_catalog.set_config('borne.session', token, false);
    END $$;
    -- The counsellor a sign-in opened to, once its try was committed; their first reading
    -- takes the try's count back (the kiosk's and the counsellor's wrong PINs in a row).
    CREATE FUNCTION public.borne_signed_in() RETURNS text LANGUAGE plpgsql VOLATILE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        who text := public.borne_counsellor();
    BEGIN
        IF who IS NOT NULL THEN
            UPDATE public.counsellor_session s SET confirmed = true
            WHERE s.token = pg_catalog.current_setting('borne.session', true)
                AND NOT s.confirmed;
            IF FOUND THEN
                UPDATE public.kiosk k SET failures = 0, locked_until = NULL
                WHERE k.role = session_user;
                UPDATE public.counsellor_pin p SET failures = 0, locked_until = NULL
                WHERE p.counsellor = who;
            END IF;
        END IF;
        RETURN who;
    END $$;
    CREATE OR REPLACE FUNCTION public.borne_sign_out() RETURNS void LANGUAGE plpgsql
        VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        DELETE FROM public.counsellor_session s
        WHERE s.token = pg_catalog.current_setting('borne.session', true);
        PERFORM pg_catalog.set_config('borne.session', '', false);
    END $$;
    CREATE OR REPLACE FUNCTION public.borne_resume(token text) RETURNS text LANGUAGE plpgsql
        VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM pg_catalog.set_config('borne.session', token, false);
        RETURN public.borne_counsellor();
    END $$;

    CREATE OR REPLACE FUNCTION public.booking_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        DELETE FROM public.occupation o WHERE o.booking = NEW.id;
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service') THEN
            INSERT INTO public.occupation (counsellor, during, booking)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION public.absence_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        DELETE FROM public.occupation o WHERE o.absence = NEW.id;
        INSERT INTO public.occupation (counsellor, during, absence)
        VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
            NEW.id);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION public.session_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        DELETE FROM public.occupation o WHERE o.session = NEW.help_point || '/' || NEW.id;
        IF NOT NEW.cancelled AND NEW.counsellor IS NOT NULL THEN
            INSERT INTO public.occupation (counsellor, during, session)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.help_point || '/' || NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION public.occupation_freed() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        DELETE FROM public.occupation o
        WHERE o.booking = OLD.id AND TG_TABLE_NAME = 'booking'
            OR o.absence = OLD.id AND TG_TABLE_NAME = 'absence';
        RETURN OLD;
    END $$;

    -- A person's check as the kiosk's own `check_matches` reads it: the phone's last two
    -- digits, or (no phone given) the first name, without case, accents or hyphens.
    CREATE FUNCTION public.borne_fold(name text) RETURNS text LANGUAGE sql IMMUTABLE
        SET search_path = public, pg_temp AS $$
        SELECT pg_catalog.lower(pg_catalog.translate(pg_catalog.replace(pg_catalog.replace(
            pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
            $1, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), '-', ' '), '''', ' '),
            'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝŸýÿ',
            'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYYyy'))
    $$;
    CREATE FUNCTION public.borne_check_matches(phone text, first_name text, given text)
        RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
        SELECT CASE WHEN phone IS NOT NULL
            THEN pg_catalog.length(given) = 2 AND pg_catalog.right(phone, 2) = given
            ELSE given <> '' AND public.borne_fold(given) = public.borne_fold(first_name) END
    $$;
    DROP FUNCTION public.borne_booked_elsewhere(text, text);
    -- Where a code was booked, when not at `here`, for the person who gives its check: the
    -- name of a help point, nothing of the person.
    CREATE FUNCTION public.borne_booked_elsewhere(code text, here text, given text)
        RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        SELECT h.name FROM (
            SELECT b.help_point, b.phone, b.first_name FROM public.booking b WHERE b.code = $1
            UNION ALL SELECT r.help_point, r.phone, r.first_name FROM public.registration r
            WHERE r.code = $1
        ) found JOIN public.help_point h ON h.id = found.help_point
        WHERE found.help_point <> $2
            AND public.borne_check_matches(found.phone, found.first_name, $3)
        LIMIT 1
    $$;

    -- The audit trail's actor, for a kiosk's role: the counsellor signed in on the
    -- connection, else the kiosk's role; what the kiosk said goes beside it.
    ALTER TABLE public.audit ADD COLUMN claimed text,
        ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
    CREATE FUNCTION public.audit_stamped() RETURNS trigger LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
    BEGIN
        IF public.borne_help_point() IS NOT NULL THEN
            NEW.claimed := NEW.actor;
            NEW.actor := coalesce(public.borne_counsellor(), session_user::text);
            NEW.help_point := public.borne_help_point();
            NEW.recorded_at := pg_catalog.now();
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER audit_stamped BEFORE INSERT ON public.audit
        FOR EACH ROW EXECUTE FUNCTION public.audit_stamped();

    -- A message goes out through the gateway of the help point that queued it, about an
    -- appointment its kiosk may see; a kiosk changes how a message went, and clears its
    -- text and number when the appointment is erased, never rewrites them.
    DROP POLICY kiosk ON public.outbox;
    CREATE POLICY kiosk_reads ON public.outbox FOR SELECT TO borne_kiosk
        USING (help_point = public.borne_help_point()
            OR booking IN (SELECT b.id FROM public.booking b)
            OR registration IN (SELECT r.id FROM public.registration r));
    CREATE POLICY kiosk_queues ON public.outbox FOR INSERT TO borne_kiosk
        WITH CHECK (help_point = public.borne_help_point()
            AND (booking IS NULL OR booking IN (SELECT b.id FROM public.booking b))
            AND (registration IS NULL
                OR registration IN (SELECT r.id FROM public.registration r)));
    CREATE POLICY kiosk_updates ON public.outbox FOR UPDATE TO borne_kiosk
        USING (help_point = public.borne_help_point()
            OR booking IN (SELECT b.id FROM public.booking b)
            OR registration IN (SELECT r.id FROM public.registration r));
    REVOKE UPDATE ON public.outbox FROM borne_kiosk;
    GRANT UPDATE (status, attempts, sent_at, last_error, recipient, message)
        ON public.outbox TO borne_kiosk;
    CREATE FUNCTION public.outbox_kept() RETURNS trigger LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
    BEGIN
        IF public.borne_help_point() IS NOT NULL
            AND (NEW.recipient IS NOT NULL AND NEW.recipient IS DISTINCT FROM OLD.recipient
                OR NEW.message IS NOT NULL AND NEW.message IS DISTINCT FROM OLD.message) THEN
            RAISE EXCEPTION 'a kiosk clears a message''s text and number, never rewrites them'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER outbox_kept BEFORE UPDATE ON public.outbox
        FOR EACH ROW EXECUTE FUNCTION public.outbox_kept();

    REVOKE ALL ON FUNCTION public.borne_help_point(), public.borne_counsellor(),
        public.borne_sign_in(text, bytea), public.borne_signed_in(), public.borne_sign_out(),
        public.borne_resume(text), public.borne_booked_elsewhere(text, text, text),
        public.booking_occupies(), public.absence_occupies(), public.session_occupies(),
        public.occupation_freed(), public.audit_stamped(), public.outbox_kept(),
        public.borne_fold(text),
        public.borne_check_matches(text, text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION public.borne_help_point(), public.borne_counsellor(),
        public.borne_sign_in(text, bytea), public.borne_signed_in(), public.borne_sign_out(),
        public.borne_resume(text), public.borne_booked_elsewhere(text, text, text)
        TO borne_kiosk;

    -- What this migration promises, checked: a kiosk may create nothing here.
    DO $$
    DECLARE
        s name;
    BEGIN
        IF pg_catalog.has_database_privilege('borne_kiosk', pg_catalog.current_database(),
            'TEMPORARY') THEN
            RAISE EXCEPTION 'the kiosks could still create temporary tables: the database''s '
                'owner runs borne db migrate' USING ERRCODE = 'insufficient_privilege';
        END IF;
        FOR s IN SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
                AND pg_catalog.has_schema_privilege('borne_kiosk', oid, 'CREATE')
        LOOP
            RAISE EXCEPTION 'the kiosks could still create objects in schema %: its owner '
                'revokes CREATE from PUBLIC', s USING ERRCODE = 'insufficient_privilege';
        END LOOP;
    END $$;"#,
    // 7: the lieux the network's owner took from the national feed (`borne lieux update`),
    // kept as the checked file itself, in parts, for every kiosk to take at start and daily
    // (kiosks need no internet, only their database); and each kiosk's heartbeat, every
    // minute, that `borne network status` reads. A kiosk reads the lieux and writes its own
    // heartbeat only: its role's row, at its help point.
    "CREATE TABLE public.lieux_update (
        id bigserial PRIMARY KEY,
        taken_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL,
        etag text,
        last_modified text,
        lieux integer NOT NULL CHECK (lieux > 0),
        json boolean NOT NULL
    );
    CREATE TABLE public.lieux_update_part (
        update_id bigint NOT NULL REFERENCES public.lieux_update (id) ON DELETE CASCADE,
        n integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (update_id, n)
    );
    GRANT SELECT ON public.lieux_update, public.lieux_update_part TO borne_kiosk;
    CREATE TABLE public.kiosk_heartbeat (
        role name NOT NULL DEFAULT session_user,
        help_point text NOT NULL REFERENCES public.help_point (id),
        version text NOT NULL,
        started_at timestamptz NOT NULL,
        beat_at timestamptz NOT NULL DEFAULT now(),
        last_frame_at timestamptz,
        last_error text,
        printer text NOT NULL,
        speech text NOT NULL,
        lieux_date date,
        callbacks_waiting integer NOT NULL DEFAULT 0,
        PRIMARY KEY (role, help_point)
    );
    ALTER TABLE public.kiosk_heartbeat ENABLE ROW LEVEL SECURITY;
    CREATE POLICY its_own ON public.kiosk_heartbeat TO borne_kiosk
        USING (role = session_user AND help_point = public.borne_help_point())
        WITH CHECK (role = session_user AND help_point = public.borne_help_point());
    GRANT SELECT, INSERT, UPDATE ON public.kiosk_heartbeat TO borne_kiosk;",
    // 8: each help point's queue ("Je suis là"). A ticket's number is its help point's and day's: the day's
    // counter row is taken in the statement that inserts the ticket (kiosks issuing at once
    // take turns on it; a failed insert gives its number back), and the primary key is the last
    // word. A call locks the one row it takes, skipping a row another counsellor is taking. A
    // kiosk's role sees, issues, calls and settles its own help point's tickets only; no
    // function runs as the owner.
    "CREATE TABLE public.queue_counter (
        help_point text NOT NULL REFERENCES public.help_point (id),
        day date NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (help_point, day)
    );
    ALTER TABLE public.queue_counter ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON public.queue_counter TO borne_kiosk
        USING (help_point = public.borne_help_point())
        WITH CHECK (help_point = public.borne_help_point());
    GRANT SELECT, INSERT, UPDATE ON public.queue_counter TO borne_kiosk;
    CREATE TABLE public.queue_entry (
        help_point text NOT NULL REFERENCES public.help_point (id),
        day date NOT NULL,
        number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
        booking text UNIQUE,
        booking_starts timestamptz,
        counsellor text,
        motif text NOT NULL,
        first_name text,
        locale text NOT NULL,
        arrived_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'en attente' CHECK (state IN ('en attente', 'appelé',
            'pris en charge', 'absent', 'réorienté', 'parti', 'non reçu')),
        called_at timestamptz,
        called_by text,
        desk text,
        calls integer NOT NULL DEFAULT 0,
        closed_at timestamptz,
        PRIMARY KEY (help_point, day, number)
    );
    ALTER TABLE public.queue_entry ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON public.queue_entry TO borne_kiosk
        USING (help_point = public.borne_help_point())
        WITH CHECK (help_point = public.borne_help_point());
    GRANT SELECT, INSERT, UPDATE ON public.queue_entry TO borne_kiosk;",
    // 9: the language a person booked in (a locale tag), for the counsellor; and a full
    // workshop's waiting list, each help point's own: a kiosk's role sees, adds and tells
    // its own help point's people only, and queues a message about its own list only.
    "ALTER TABLE public.booking ADD COLUMN locale text;
    ALTER TABLE public.registration ADD COLUMN locale text;
    CREATE TABLE public.waitlist (
        id bigserial PRIMARY KEY,
        help_point text NOT NULL REFERENCES public.help_point (id),
        workshop text NOT NULL,
        starts_at timestamptz NOT NULL,
        first_name text,
        phone text,
        locale text NOT NULL,
        seat_free_message text,
        created_at timestamptz NOT NULL,
        told_at timestamptz,
        erased boolean NOT NULL DEFAULT false
    );
    CREATE INDEX waitlist_workshop ON public.waitlist (help_point, workshop, id);
    ALTER TABLE public.waitlist ENABLE ROW LEVEL SECURITY;
    CREATE POLICY kiosk ON public.waitlist TO borne_kiosk
        USING (help_point = public.borne_help_point())
        WITH CHECK (help_point = public.borne_help_point());
    GRANT SELECT, INSERT, UPDATE ON public.waitlist TO borne_kiosk;
    GRANT USAGE ON SEQUENCE public.waitlist_id_seq TO borne_kiosk;
    ALTER TABLE public.outbox ADD COLUMN waitlist bigint REFERENCES public.waitlist (id);
    DROP POLICY kiosk_queues ON public.outbox;
    CREATE POLICY kiosk_queues ON public.outbox FOR INSERT TO borne_kiosk
        WITH CHECK (help_point = public.borne_help_point()
            AND (booking IS NULL OR booking IN (SELECT b.id FROM public.booking b))
            AND (registration IS NULL
                OR registration IN (SELECT r.id FROM public.registration r))
            AND (waitlist IS NULL OR waitlist IN (SELECT w.id FROM public.waitlist w)));
    UPDATE public.activite SET tranche_age = 'Non communiqué'
        WHERE tranche_age = 'non communiqué';",
    // 10: two kiosks booking one counsellor at once took turns through the exclusion
    // constraint, each inserting its occupation then waiting for the other's: a deadlock
    // PostgreSQL breaks by failing one of them (a person told "problème technique"). Each
    // transaction that writes a counsellor's occupation first takes that counsellor's
    // advisory lock, so they queue instead; the loser is then told the slot is taken.
    "CREATE OR REPLACE FUNCTION public.borne_occupy_lock(counsellor text) RETURNS void
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM pg_catalog.pg_advisory_xact_lock(
            pg_catalog.hashtextextended('borne occupation ' || counsellor, 0));
    END $$;
    REVOKE ALL ON FUNCTION public.borne_occupy_lock(text) FROM PUBLIC;
    CREATE OR REPLACE FUNCTION public.booking_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM public.borne_occupy_lock(NEW.counsellor);
        DELETE FROM public.occupation o WHERE o.booking = NEW.id;
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service') THEN
            INSERT INTO public.occupation (counsellor, during, booking)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION public.absence_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM public.borne_occupy_lock(NEW.counsellor);
        DELETE FROM public.occupation o WHERE o.absence = NEW.id;
        INSERT INTO public.occupation (counsellor, during, absence)
        VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
            NEW.id);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION public.session_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        IF NEW.counsellor IS NOT NULL THEN
            PERFORM public.borne_occupy_lock(NEW.counsellor);
        END IF;
        DELETE FROM public.occupation o WHERE o.session = NEW.help_point || '/' || NEW.id;
        IF NOT NEW.cancelled AND NEW.counsellor IS NOT NULL THEN
            INSERT INTO public.occupation (counsellor, during, session)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.help_point || '/' || NEW.id);
        END IF;
        RETURN NEW;
    END $$;",
    // 11: a booking whose time another occupation of the counsellor already holds (one
    // committed: a slot taken seconds before) is refused at once, without queuing on the
    // counsellor's lock behind the kiosks writing to them: with twenty kiosks racing for
    // one counsellor's slots, those refusals were the slowest 1 % of all attempts. What
    // this check cannot see yet (a booking not committed) still queues on the lock and
    // meets the exclusion constraint, as before.
    "CREATE OR REPLACE FUNCTION public.booking_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service')
            AND EXISTS (SELECT 1 FROM public.occupation o
                WHERE o.counsellor = NEW.counsellor
                    AND o.during && pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)')
                    AND o.booking IS DISTINCT FROM NEW.id) THEN
            RAISE exclusion_violation USING
                MESSAGE = 'the counsellor is already occupied at that time';
        END IF;
        PERFORM public.borne_occupy_lock(NEW.counsellor);
        DELETE FROM public.occupation o WHERE o.booking = NEW.id;
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service') THEN
            INSERT INTO public.occupation (counsellor, during, booking)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.id);
        END IF;
        RETURN NEW;
    END $$;",
    // 12: a booking, its reminder and its audit row in one call, so one round trip: as a
    // transaction of five (BEGIN, insert, prepare, insert, COMMIT), the counsellor's lock
    // (taken as the booking is inserted) stayed held over three more round trips, and
    // twenty kiosks booking one counsellor queued behind them. Run as the kiosk (row-level
    // security applies); its statements follow one another, so the reminder's policy sees
    // the booking just made. NULL: no booking made (the request id already made one, or a
    // registration holds the code).
    // And a time already taken (a committed occupation) is refused before the booking's row
    // is written, by a trigger that runs before it, for every insert and every move: schema
    // 11's check ran after, and each refused insert had written the row and its four index
    // entries, taken a transaction id and undone them, the slowest 1 % when twenty kiosks
    // race for one counsellor.
    "CREATE FUNCTION public.booking_time_free() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service')
            AND EXISTS (SELECT 1 FROM public.occupation o
                WHERE o.counsellor = NEW.counsellor
                    AND o.during && pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)')
                    AND o.booking IS DISTINCT FROM NEW.id) THEN
            RAISE exclusion_violation USING
                MESSAGE = 'the counsellor is already occupied at that time';
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER booking_time_free BEFORE INSERT OR UPDATE OF counsellor, starts_at,
        ends_at, status ON public.booking FOR EACH ROW
        EXECUTE FUNCTION public.booking_time_free();
    CREATE OR REPLACE FUNCTION public.booking_occupies() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM public.borne_occupy_lock(NEW.counsellor);
        DELETE FROM public.occupation o WHERE o.booking = NEW.id;
        IF NEW.status NOT IN ('annulé par l''usager', 'annulé par le service') THEN
            INSERT INTO public.occupation (counsellor, during, booking)
            VALUES (NEW.counsellor, pg_catalog.tstzrange(NEW.starts_at, NEW.ends_at, '[)'),
                NEW.id);
        END IF;
        RETURN NEW;
    END $$;
    CREATE FUNCTION public.borne_book(code text, help_point text, counsellor text,
        motif text, starts_at timestamptz, ends_at timestamptz, first_name text,
        last_initial text, phone text, email text, diagnostic text, booked_by text,
        created_at timestamptz, request_id text, locale text, reminder_due timestamptz,
        reminder_to text, reminder_message text, audit_action text)
        RETURNS bigint LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
    DECLARE
        made bigint;
    BEGIN
        -- A request sent again finds its booking before the trigger meets that booking's
        -- own time as taken.
        IF borne_book.request_id IS NOT NULL AND EXISTS (SELECT 1 FROM public.booking b
                WHERE b.request_id = borne_book.request_id) THEN
            RETURN NULL;
        END IF;
        INSERT INTO public.booking AS b (code, help_point, counsellor, motif, starts_at,
            ends_at, first_name, last_initial, phone, email, reminder, diagnostic, booked_by,
            created_at, request_id, locale)
        SELECT borne_book.code, borne_book.help_point, borne_book.counsellor,
            borne_book.motif, borne_book.starts_at, borne_book.ends_at,
            borne_book.first_name, borne_book.last_initial, borne_book.phone,
            borne_book.email, reminder_due IS NOT NULL, borne_book.diagnostic,
            borne_book.booked_by, borne_book.created_at, borne_book.request_id,
            borne_book.locale
        WHERE NOT EXISTS (SELECT 1 FROM public.registration r WHERE r.code = borne_book.code)
        ON CONFLICT ON CONSTRAINT booking_request_id_key DO NOTHING
        RETURNING b.id INTO made;
        IF made IS NULL THEN
            RETURN NULL;
        END IF;
        IF reminder_due IS NOT NULL THEN
            INSERT INTO public.outbox (booking, due_at, recipient, message, kind,
                about_start, help_point)
            VALUES (made, reminder_due, reminder_to, reminder_message, 'rappel',
                borne_book.starts_at, borne_book.help_point);
        END IF;
        IF audit_action IS NOT NULL THEN
            INSERT INTO public.audit (at, help_point, actor, action)
            VALUES (borne_book.created_at, borne_book.help_point, borne_book.booked_by,
                audit_action);
        END IF;
        RETURN made;
    END $$;
    REVOKE ALL ON FUNCTION public.borne_book FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION public.borne_book TO borne_kiosk;",
];

pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// Any number: the same for every borne, so two kiosks upgrading at once take turns.
const MIGRATION_LOCK: i64 = 0x626f726e65;

/// Brings the schema to this borne's version; refuses one newer than it knows. Returns the
/// version found.
pub(crate) fn migrate(client: &mut Client) -> Result<u32, String> {
    migrate_to(client, latest())
}

/// Brings the schema to `target` (at most this borne's version; the upgrade tests start
/// from an older one). Returns the version found.
pub(crate) fn migrate_to(client: &mut Client, target: u32) -> Result<u32, String> {
    let target = target.min(latest());
    // A kiosk's role may not change the schema: when it is up to date, nothing is written.
    let made: bool = client
        .query_one("SELECT to_regclass('borne_schema') IS NOT NULL", &[])
        .map_err(|e| super::cause(&e))?
        .get(0);
    if made {
        let found: Option<i32> = client
            .query_opt("SELECT version FROM borne_schema", &[])
            .map_err(|e| super::cause(&e))?
            .map(|row| row.get(0));
        if found == Some(target as i32) {
            return Ok(target);
        }
    }
    let mut tx = client.transaction().map_err(|e| e.to_string())?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(|e| e.to_string())?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS borne_schema (version integer NOT NULL)")
        .map_err(|e| e.to_string())?;
    let current: Option<i32> = tx
        .query_opt("SELECT version FROM borne_schema", &[])
        .map_err(|e| e.to_string())?
        .map(|row| row.get(0));
    let current = current.unwrap_or(0) as u32;
    if current > latest() {
        return Err(format!(
            "schema version {current} is newer than this borne knows ({}); upgrade borne",
            latest()
        ));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.batch_execute(sql).map_err(|e| {
            if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
                format!(
                    "the schema is at version {current}, this borne needs {}: the network's \
                     owner runs `borne db migrate` ({})",
                    latest(),
                    super::cause(&e)
                )
            } else {
                format!("migration {}: {}", i + 1, super::cause(&e))
            }
        })?;
    }
    tx.execute("DELETE FROM borne_schema", &[])
        .map_err(|e| e.to_string())?;
    tx.execute(
        "INSERT INTO borne_schema (version) VALUES ($1)",
        &[&(current.max(target) as i32)],
    )
    .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())?;
    Ok(current)
}
