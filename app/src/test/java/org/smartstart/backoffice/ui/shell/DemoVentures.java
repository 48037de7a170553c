package org.smartstart.backoffice.ui.shell;

import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.SQLException;
import java.util.UUID;

/** A few realistic ventures and two staff accounts, for the robot tests and the screenshots. */
final class DemoVentures {

    static final String EMAIL = "chloe.tremblay@smartstart.example";
    static final String PASSWORD = "correct horse battery";

    private DemoVentures() {
    }

    static void fill(TestDatabase db) throws SQLException {
        TestAccounts.user(db, "Chloé Tremblay", EMAIL, PASSWORD, "compliance", "admin");
        UUID lea = TestAccounts.user(db, "Léa Martin", "lea.martin@smartstart.example", "unused-password-1");
        UUID kenji = TestAccounts.user(db, "Kenji Sato", "kenji.sato@smartstart.example", "unused-password-2");
        UUID dana = TestAccounts.user(db, "Dana Brooks", "dana.brooks@smartstart.example", "unused-password-3");
        UUID amara = TestAccounts.user(db, "Amara Okafor", "amara.okafor@smartstart.example", "unused-password-4");
        TestAccounts.venture(db, "Maple Robotics", "ca", "active", lea, "equity");
        TestAccounts.venture(db, "Pacific Grain Cooperative", "asia", "active", kenji);
        TestAccounts.venture(db, "Quill & Ledger", "us", "suspended", dana, "all");
        TestAccounts.venture(db, "Aurora Soil Labs", "eu", "draft", amara);
        TestAccounts.venture(db, "Northwind Freight", "ca", "active", lea, "buz");
        TestAccounts.venture(db, "Harbour Health", "other", "archived", dana);
    }
}
