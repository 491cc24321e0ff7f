insert into orders (id, version, state) values (1, 0, 'PLACED');
insert into orders (id, version, state) values (2, 0, 'PROCESSING');
insert into orders (id, version, state) values (3, 0, 'SENT');
insert into orders (id, version, state) values (4, 0, 'DELIVERED');
