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
];

pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// Any number: the same for every borne, so two kiosks upgrading at once take turns.
const MIGRATION_LOCK: i64 = 0x626f726e65;

/// Brings the schema to this borne's version; refuses one newer than it knows. Returns the
/// version found.
pub fn migrate(client: &mut Client) -> Result<u32, String> {
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
        if found == Some(latest() as i32) {
            return Ok(latest());
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
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
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
        &[&(latest() as i32)],
    )
    .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())?;
    Ok(current)
}
