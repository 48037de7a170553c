package org.smartstart.backoffice.persistence.work;

/**
 * The PostgreSQL enum type skill_category. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum SkillCategory {
    engineering, design, ops, bizdev, security, legal, finance
}
