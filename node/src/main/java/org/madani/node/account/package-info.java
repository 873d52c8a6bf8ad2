/** Admin accounts: Argon2id passwords, login throttling and API bearer tokens. */
package org.madani.node.account;
