package dev.fsm.web.it;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PalletRepository extends JpaRepository<Pallet, Pallet.Key> {

}
