package org.smartstart.backoffice.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("SmartStart Back Office");
    }
}
