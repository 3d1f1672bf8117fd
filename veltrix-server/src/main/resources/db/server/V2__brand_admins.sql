-- An admin of one brand: they sign in to the console and edit that brand only (role "brand", the brand named here).
ALTER TABLE admins ADD brand VARCHAR(40);
