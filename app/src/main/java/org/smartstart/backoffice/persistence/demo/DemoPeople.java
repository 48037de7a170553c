package org.smartstart.backoffice.persistence.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ~30 demo people: staff with global roles, venture owners, contributors, reviewers, and
 * applicants still in (or refused by) KYC. E-mail domains are the reserved example.* ones (RFC 2606).
 */
final class DemoPeople {

    /** Where a person's KYC stands after the demo story. */
    enum Kyc { VERIFIED, PENDING, REJECTED }

    record Person(String key, String name, String email, String country, String trust, Instant createdAt,
                  Kyc kyc, String city, String street, String postcode) {
        UUID id() {
            return DemoIds.user(key);
        }

        BigDecimal trustScore() {
            return new BigDecimal(trust);
        }

        String givenNames() {
            return name.substring(0, name.lastIndexOf(' '));
        }

        String surname() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }
    }

    static final String DEMO_PASSWORD = "demo-password-2026";

    // Global staff
    static final String ADMIN = "ann.lee";
    static final String COMPLIANCE_1 = "grace.okafor";
    static final String COMPLIANCE_2 = "lukas.meyer";
    static final String COMPLIANCE_3 = "mei.tanaka";
    static final String SUPPORT_1 = "diego.alvarez";
    static final String SUPPORT_2 = "sofia.rossi";
    static final String SUPPORT_3 = "priya.nair";

    static final List<Person> ALL = List.of(
            p("ann.lee", "Ann Lee", "example.com", "US", "92.00", "2025-01-03T09:00:00Z", Kyc.VERIFIED, "Seattle", "418 Pine Street", "98101"),
            p("grace.okafor", "Grace Okafor", "example.com", "NG", "88.50", "2025-01-03T10:30:00Z", Kyc.VERIFIED, "Lagos", "12 Awolowo Road", "101233"),
            p("lukas.meyer", "Lukas Meyer", "example.com", "DE", "85.25", "2025-01-04T08:15:00Z", Kyc.VERIFIED, "Berlin", "Kastanienallee 27", "10435"),
            p("mei.tanaka", "Mei Tanaka", "example.com", "JP", "80.00", "2025-01-06T01:45:00Z", Kyc.VERIFIED, "Osaka", "2-5-8 Minamisenba", "542-0081"),
            p("diego.alvarez", "Diego Alvarez", "example.com", "MX", "74.00", "2025-01-08T16:20:00Z", Kyc.VERIFIED, "Guadalajara", "Av. Chapultepec 140", "44160"),
            p("sofia.rossi", "Sofia Rossi", "example.com", "IT", "77.75", "2025-01-09T09:10:00Z", Kyc.VERIFIED, "Milan", "Via Solferino 19", "20121"),
            p("priya.nair", "Priya Nair", "example.com", "IN", "70.50", "2025-01-10T05:30:00Z", Kyc.VERIFIED, "Bengaluru", "44 Residency Road", "560025"),
            p("liam.tremblay", "Liam Tremblay", "example.org", "CA", "81.00", "2025-01-07T14:00:00Z", Kyc.VERIFIED, "Montreal", "2150 Rue Saint-Denis", "H2X 3K8"),
            p("anna.schmidt", "Anna Schmidt", "example.org", "DE", "79.20", "2025-02-11T08:40:00Z", Kyc.VERIFIED, "Hamburg", "Lange Reihe 61", "20099"),
            p("kenji.sato", "Kenji Sato", "example.org", "JP", "72.40", "2025-08-19T02:10:00Z", Kyc.VERIFIED, "Fukuoka", "1-7-3 Tenjin", "810-0001"),
            p("emily.carter", "Emily Carter", "example.org", "US", "83.10", "2025-01-14T17:25:00Z", Kyc.VERIFIED, "Denver", "1710 Larimer Street", "80202"),
            p("noah.martin", "Noah Martin", "example.net", "CA", "66.30", "2025-01-09T19:05:00Z", Kyc.VERIFIED, "Toronto", "88 Queen Street West", "M5H 2N2"),
            p("chloe.gagnon", "Chloe Gagnon", "example.net", "CA", "64.80", "2025-03-21T13:30:00Z", Kyc.VERIFIED, "Quebec City", "35 Rue Saint-Jean", "G1R 1N8"),
            p("ravi.kumar", "Ravi Kumar", "example.net", "IN", "69.90", "2025-06-02T06:50:00Z", Kyc.VERIFIED, "Pune", "17 FC Road", "411004"),
            p("olivia.brown", "Olivia Brown", "example.net", "GB", "75.60", "2025-02-03T11:00:00Z", Kyc.VERIFIED, "Manchester", "9 Canal Street", "M1 3HE"),
            p("jonas.berg", "Jonas Berg", "example.net", "SE", "61.40", "2025-02-24T10:15:00Z", Kyc.VERIFIED, "Gothenburg", "Vasagatan 12", "411 24"),
            p("elena.petrova", "Elena Petrova", "example.net", "BG", "63.00", "2025-09-01T07:35:00Z", Kyc.VERIFIED, "Sofia", "28 Vitosha Boulevard", "1000"),
            p("marco.bianchi", "Marco Bianchi", "example.net", "IT", "71.20", "2025-03-04T12:45:00Z", Kyc.VERIFIED, "Turin", "Via Po 33", "10124"),
            p("yuki.nakamura", "Yuki Nakamura", "example.net", "JP", "58.70", "2025-09-12T03:20:00Z", Kyc.VERIFIED, "Sapporo", "4-1 Kita 3 Jonishi", "060-0003"),
            p("james.wilson", "James Wilson", "example.net", "US", "62.50", "2025-01-28T15:55:00Z", Kyc.VERIFIED, "Austin", "600 Congress Avenue", "78701"),
            p("fatima.zahra", "Fatima Zahra", "example.net", "MA", "73.30", "2025-01-30T09:40:00Z", Kyc.VERIFIED, "Casablanca", "21 Boulevard d'Anfa", "20000"),
            p("lucas.silva", "Lucas Silva", "example.net", "BR", "60.10", "2025-07-22T18:05:00Z", Kyc.VERIFIED, "Sao Paulo", "Rua Augusta 1508", "01304-001"),
            p("hannah.kim", "Hannah Kim", "example.org", "KR", "50.00", "2026-10-28T06:00:00Z", Kyc.PENDING, "Seoul", "15 Teheran-ro 20-gil", "06236"),
            p("mateo.garcia", "Mateo Garcia", "example.org", "ES", "52.50", "2026-10-30T10:10:00Z", Kyc.PENDING, "Valencia", "Carrer de Colon 42", "46004"),
            p("aisha.bello", "Aisha Bello", "example.org", "NG", "55.00", "2026-10-12T12:00:00Z", Kyc.PENDING, "Abuja", "7 Aminu Kano Crescent", "900288"),
            p("tom.novak", "Tom Novak", "example.org", "CZ", "48.00", "2026-09-25T08:30:00Z", Kyc.PENDING, "Brno", "Masarykova 14", "602 00"),
            p("sara.lindqvist", "Sara Lindqvist", "example.org", "SE", "50.00", "2026-11-14T09:45:00Z", Kyc.PENDING, "Uppsala", "Dragarbrunnsgatan 8", "753 20"),
            p("zoe.dubois", "Zoe Dubois", "example.org", "FR", "50.00", "2026-11-19T16:30:00Z", Kyc.PENDING, "Lyon", "12 Rue de la Republique", "69002"),
            p("victor.drago", "Victor Drago", "example.net", "RO", "12.00", "2026-08-04T21:15:00Z", Kyc.REJECTED, "Cluj-Napoca", "Strada Memorandumului 5", "400114"),
            p("ian.murphy", "Ian Murphy", "example.net", "IE", "45.00", "2026-09-09T11:20:00Z", Kyc.PENDING, "Cork", "22 Oliver Plunkett Street", "T12 X9F2"));

    static final Map<String, Person> BY_KEY = ALL.stream().collect(java.util.stream.Collectors.toMap(Person::key, x -> x));

    static Person get(String key) {
        Person person = BY_KEY.get(key);
        if (person == null) {
            throw new IllegalArgumentException("No demo person " + key);
        }
        return person;
    }

    static UUID id(String key) {
        return get(key).id();
    }

    static final List<String> COMPLIANCE = List.of(COMPLIANCE_1, COMPLIANCE_2, COMPLIANCE_3);

    private static Person p(String key, String name, String domain, String country, String trust, String created, Kyc kyc,
                            String city, String street, String postcode) {
        return new Person(key, name, key + "@" + domain, country, trust, Instant.parse(created), kyc, city, street, postcode);
    }

    private DemoPeople() {
    }
}
